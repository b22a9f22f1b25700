import { z } from "zod";
import { calendarDateSchema } from "@/lib/validation";

/** Evidence input, shared by the form and the data-access layer. */

export const evidenceKinds = ["design-doc", "incident-review", "talk", "mentoring", "shipped-feature", "other"] as const;
export const evidenceKindLabel: Record<(typeof evidenceKinds)[number], string> = {
  "design-doc": "Design doc",
  "incident-review": "Incident review",
  talk: "Talk",
  mentoring: "Mentoring",
  "shipped-feature": "Shipped feature",
  other: "Other",
};

export const EVIDENCE_LIMITS = { title: 200, body: 20_000, link: 2_000, cells: 30 } as const;

const today = () => new Date().toISOString().slice(0, 10);

export const evidenceFieldsSchema = z.object({
  title: z.string().trim().min(1, "Give it a title.").max(EVIDENCE_LIMITS.title, `Use at most ${EVIDENCE_LIMITS.title} characters.`),
  kind: z.enum(evidenceKinds, "Choose a kind."),
  occurredOn: calendarDateSchema
    .refine((s) => s <= today(), "Evidence is about something that happened: the date cannot be in the future.")
    .refine((s) => s >= "1970-01-01", "Use a date after 1970."),
  link: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(EVIDENCE_LIMITS.link, `Use at most ${EVIDENCE_LIMITS.link} characters.`)
      .refine((s) => {
        try {
          const url = new URL(s);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      }, "Links must start with https:// or http://.")
      .nullable(),
  ),
  // A browser sends a textarea's line breaks as CRLF: count each as one character, as it was typed.
  body: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
    z.string().max(EVIDENCE_LIMITS.body, `Keep it under ${EVIDENCE_LIMITS.body.toLocaleString("en")} characters.`).default(""),
  ),
  cellIds: z.array(z.uuid()).max(EVIDENCE_LIMITS.cells).default([]),
});

export const updateEvidenceSchema = evidenceFieldsSchema.extend({ id: z.uuid(), revision: z.coerce.number().int().min(1) });
export const deleteEvidenceSchema = z.object({ id: z.uuid(), revision: z.coerce.number().int().min(1) });

export const evidenceFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(evidenceKinds).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  cellId: z.uuid().optional(),
});

export type EvidenceFilter = z.output<typeof evidenceFilterSchema>;
