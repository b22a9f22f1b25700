import { z } from "zod";
import { isoDate } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/validation";
import { PLACEMENT_NOTE_MAX, placementReasons, type AdminReason } from "./choices";

/** Placement input, shared by the forms, the people form, the CSV import and the data-access layer. */

export { adminReasons, PLACEMENT_NOTE_MAX, placementReasonLabel, placementReasons, type AdminReason, type PlacementReason } from "./choices";

/**
 * The latest day a placement may take effect: today, with a day's slack for time zones ahead of
 * UTC. Waymark reads the latest placement as where someone is now, so a placement dated in the
 * future would show as current before it is true.
 */
export function latestEffectiveOn(now = new Date()): string {
  return isoDate(new Date(now.getTime() + 24 * 3600_000));
}

export const effectiveOnSchema = calendarDateSchema.refine(
  (s) => s <= latestEffectiveOn(),
  "A placement takes effect on its date: use today or an earlier day, and place them again when the change happens.",
);

export const stepIdSchema = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.uuid("Choose a step."));

// A browser sends a textarea's line breaks as CRLF: count each as one character, as it was typed.
export const placementNoteSchema = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v),
  z
    .string()
    .max(PLACEMENT_NOTE_MAX, `Keep the note under ${PLACEMENT_NOTE_MAX.toLocaleString("en")} characters.`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "Use text, not control characters."),
);

const reasonSchema = z
  .enum(placementReasons, "Choose a reason.")
  .refine((r) => r !== "promotion", "Promotions are recorded by approved promotion cases: choose initial, correction or migration.")
  .transform((r) => r as AdminReason);

export const placePersonSchema = z.object({
  personId: z.string().trim(),
  stepId: stepIdSchema,
  effectiveOn: effectiveOnSchema,
  reason: reasonSchema,
  note: placementNoteSchema,
});

/**
 * A correction of one placement. Placements carry no revision counter: `revision` is the
 * fingerprint of the row as the form showed it (see placementFingerprint), so an edit made on a
 * copy someone else has changed since is refused.
 */
export const correctPlacementSchema = z.object({
  id: z.string().trim(),
  revision: z.string().trim().max(100),
  stepId: stepIdSchema,
  effectiveOn: effectiveOnSchema,
  note: placementNoteSchema,
});

/** The optional first placement given when a person is created: no step, no placement. */
export const initialPlacementSchema = z.object({
  stepId: z.preprocess((v) => (v === "" || v === null ? undefined : typeof v === "string" ? v.trim() : v), z.uuid("Choose a step.").optional()).optional(),
  effectiveOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), effectiveOnSchema.optional()).optional(),
});

export type PlacePersonInput = z.output<typeof placePersonSchema>;
export type CorrectPlacementInput = z.output<typeof correctPlacementSchema>;
