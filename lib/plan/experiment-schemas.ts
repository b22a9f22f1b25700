import { z } from "zod";
import { isoDate } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/validation";
import { durationProblem, EXPERIMENT_LIMITS as L, startRange } from "./experiments";
import { longText, typed } from "./schemas";

/** Experiment input, shared by the experiment forms and the data-access layer. */

const required = (max: number, what: string, missing: string) => z.preprocess(typed, longText(max, what).pipe(z.string().min(1, missing)));
const optional = (max: number, what: string) => z.preprocess(typed, longText(max, what));

const revision = z.coerce.number("Reload the page: the form is missing its revision.").int("Reload the page: the form's revision is not one.").min(1).max(2_147_483_647);
/** An experiment's id as the form sends it; one that is not an id is answered "not found" by the data layer. */
const id = z.string("Reload the page: the form does not say which experiment.").max(100);

const date = (missing: string) => z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string("Use a date.").trim().min(1, { message: missing, abort: true }).pipe(calendarDateSchema));

const details = {
  hypothesis: required(L.hypothesis, "the hypothesis", "Say what you expect this move to show."),
  startsOn: date("Choose the day it starts."),
  endsOn: date("Choose the day it ends."),
  actions: optional(L.actions, "the actions"),
  metrics: optional(L.metrics, "the success metrics"),
  rollback: optional(L.rollback, "the rollback criteria"),
};

type Dates = { startsOn: string; endsOn: string };

/** The dates together: a start within reach, an end one to twelve weeks after it. */
function checkDates(e: Dates, ctx: z.RefinementCtx, today: string) {
  const { min, max } = startRange(today);
  if (e.startsOn < min) ctx.addIssue({ code: "custom", path: ["startsOn"], message: `Start on ${min} or later: older moves belong in evidence.` });
  else if (e.startsOn > max) ctx.addIssue({ code: "custom", path: ["startsOn"], message: `Start within a year, by ${max}.` });
  const problem = durationProblem(e.startsOn, e.endsOn);
  if (problem) ctx.addIssue({ code: "custom", path: ["endsOn"], message: problem });
}

/** A new experiment: what it tests, from when to when, and how it is run, measured and undone. */
export const newExperimentSchema = z.object(details).superRefine((e, ctx) => checkDates(e, ctx, isoDate(new Date())));

/** An open experiment's changes, on the revision the form was loaded on. */
export const experimentEditSchema = z
  .object({ id, revision, ...details })
  .superRefine((e, ctx) => checkDates(e, ctx, isoDate(new Date())));

/** Closing an experiment: what came of it and what happens next, both required. */
export const experimentCloseSchema = z.object({
  id,
  revision,
  outcome: required(L.outcome, "the outcome", "Say what came of it: what the metrics showed, what you learnt."),
  nextStep: required(L.nextStep, "the next step", "Say what happens next: keep it, change it, or roll it back."),
});

export type NewExperiment = z.output<typeof newExperimentSchema>;
export type ExperimentEdit = z.output<typeof experimentEditSchema>;
export type ExperimentClose = z.output<typeof experimentCloseSchema>;
