import { z } from "zod";
import { calendarDateSchema } from "@/lib/validation";
import { CASE_LIMITS, caseOutcomes, voteStances } from "./choices";

/** The inputs of promotion cases and calibration sessions, parsed once in the data-access layer. */

const id = (message: string) => z.string().trim().pipe(z.uuid({ message }));
const revision = z.coerce.number().int().min(1);
const idList = (max: number, what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().trim().pipe(z.uuid({ message: `Pick ${what} from the list.` }))).max(max, `Pick at most ${max} ${what}.`),
  );

export const createCaseSchema = z.object({
  subjectId: id("Choose a person."),
  toStepId: id("Choose the step the case is for."),
});

export const updateCaseSchema = z.object({
  id: id("That case was not found."),
  revision,
  toStepId: id("Choose the step the case is for.").optional(),
  narrative: z.string().max(CASE_LIMITS.narrative, `Keep the narrative under ${CASE_LIMITS.narrative.toLocaleString("en")} characters.`),
  evidenceIds: idList(CASE_LIMITS.evidence, "evidence items"),
});

export const caseStepSchema = z.object({ id: id("That case was not found."), revision });

export const decideCaseSchema = z
  .object({
    id: id("That case was not found."),
    revision,
    outcome: z.enum(caseOutcomes, { message: "Choose approve, defer or decline." }),
    rationale: z
      .string()
      .trim()
      .min(1, "Write the rationale: the engineer reads it with the outcome.")
      .max(CASE_LIMITS.rationale, `Keep the rationale under ${CASE_LIMITS.rationale.toLocaleString("en")} characters.`),
    effectiveOn: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "approved") return;
    const date = calendarDateSchema.safeParse(v.effectiveOn ?? "");
    if (!date.success) ctx.addIssue({ code: "custom", path: ["effectiveOn"], message: date.error.issues[0]?.message ?? "Use a real date." });
  });

export const voteSchema = z.object({
  caseId: id("That case was not found."),
  stance: z.enum(voteStances, { message: "Choose support, question or against." }),
  note: z.string().trim().max(CASE_LIMITS.voteNote, `Keep the note under ${CASE_LIMITS.voteNote.toLocaleString("en")} characters.`),
});

export const createSessionSchema = z.object({
  reviewCycleId: id("Choose a review cycle."),
  name: z.string().trim().min(1, "Name the session.").max(CASE_LIMITS.sessionName, `Keep the name under ${CASE_LIMITS.sessionName} characters.`),
  heldOn: calendarDateSchema,
  calibratorIds: idList(CASE_LIMITS.calibrators, "calibrators"),
});

export const sessionStepSchema = z.object({ id: id("That calibration was not found."), revision });
