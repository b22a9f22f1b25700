import { z } from "zod";
import { calendarDateSchema } from "@/lib/validation";

/** Input for self-assessments and review cycles. */

export const RATIONALE_MAX = 5_000;

export const ratingInputSchema = z.object({
  dimensionId: z.uuid(),
  stepId: z.uuid().nullable(),
  rationale: z.string().max(RATIONALE_MAX, `Keep the rationale under ${RATIONALE_MAX.toLocaleString("en")} characters.`),
});

export const saveDraftSchema = z.object({
  assessmentId: z.uuid(),
  revision: z.coerce.number().int().min(1),
  ratings: z.array(ratingInputSchema).max(60),
});

export const submitSchema = z.object({
  assessmentId: z.uuid(),
  revision: z.coerce.number().int().min(1),
});

export const createCycleSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name.").max(80, "Use at most 80 characters."),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
  })
  .refine((c) => c.startsOn <= c.endsOn, { message: "The cycle must end on or after its start.", path: ["endsOn"] });

export const setCycleStatusSchema = z.object({
  id: z.uuid("That review cycle does not exist."),
  status: z.enum(["open", "closed"]),
  revision: z.coerce.number().int().min(1),
});

