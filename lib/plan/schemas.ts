import { z } from "zod";
import type { FormFields } from "@/lib/validation";
import { horizonRange, isMonth, MILESTONE_ARTIFACTS, MILESTONE_LIMITS, monthLabel, PLAN_LIMITS } from "./choices";
import { WEEKS_IN_QUARTER } from "./quarters";

/** Growth plan input, shared by the plan's forms and the data-access layer. */

export { DEFAULT_LANE_NAMES, PLAN_LIMITS } from "./choices";

/** Control characters other than tab and line breaks: PostgreSQL refuses a NUL in text, and the rest are never typed. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Every control character, line breaks too: for a one-line name. */
export const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/;

// A browser sends a textarea's line breaks as CRLF: count each as one character, as it was typed.
export const typed = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v);

export const longText = (max: number, what: string) =>
  z
    .string("Use text.")
    .max(max, `Keep ${what} under ${max.toLocaleString("en")} characters.`)
    .refine((s) => !CONTROL.test(s), "Use text, not control characters.");

const laneSchema = z
  .object(
    {
      name: z.preprocess(
        typed,
        z
          .string("Use text.")
          .max(PLAN_LIMITS.laneName, `Use at most ${PLAN_LIMITS.laneName} characters.`)
          .refine((s) => !CONTROL_OR_BREAK.test(s), "Use letters, not line breaks or control characters."),
      ),
      outcome: z.preprocess(typed, longText(PLAN_LIMITS.outcome, "the outcome")),
      metrics: z.preprocess(typed, longText(PLAN_LIMITS.metrics, "the metrics")),
    },
    "Send each lane as its name, outcome and metrics.",
  )
  .superRefine((lane, ctx) => {
    if (!lane.name && (lane.outcome || lane.metrics)) ctx.addIssue({ code: "custom", path: ["name"], message: "Name this lane, or clear it to leave it out." });
  });

export type LaneInput = z.output<typeof laneSchema>;

/** Whether a lane of the form was left empty: the plan then has no lane in its place. */
export const isEmptyLane = (lane: LaneInput) => !lane.name && !lane.outcome && !lane.metrics;

const horizonSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string("Choose a month.")
    .min(1, { message: "Choose the month you aim for.", abort: true })
    .refine(isMonth, { message: "Use a month, like 2028-06.", abort: true })
    .superRefine((month, ctx) => {
      const { min, max } = horizonRange();
      if (month < min) ctx.addIssue({ code: "custom", message: `A north star lies ahead: choose ${monthLabel(min)} or later.` });
      else if (month > max) ctx.addIssue({ code: "custom", message: `Choose a month within ten years, up to ${monthLabel(max)}.` });
    }),
);

/**
 * A plan's north star and lanes as one object. The lanes stand in order: the first is lane 1.
 * `revision` is the plan's revision the form was loaded on, 0 for a plan not saved yet.
 */
const planBasicsObject = z.object({
  revision: z.coerce.number("Reload the page: the form is missing its revision.").int().min(0).max(2_147_483_647),
  northStar: z.preprocess(typed, longText(PLAN_LIMITS.northStar, "the north star").pipe(z.string().min(1, "Say where you are heading: one outcome, two or three years out."))),
  horizon: horizonSchema,
  lanes: z
    .array(laneSchema, "Send the lanes as a list.")
    .default([])
    // Refinements, not .max(): zod runs .max() on what is not a list too, and "all of them" is 11 long.
    .superRefine((lanes, ctx) => {
      if (lanes.length > PLAN_LIMITS.lanes) ctx.addIssue({ code: "custom", message: `A plan has ${PLAN_LIMITS.lanes} lanes at most.` });
      const seen = new Set<string>();
      lanes.forEach((lane, i) => {
        const key = lane.name.toLowerCase();
        if (key && seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Another lane has this name: give each lane its own." });
        seen.add(key);
      });
    }),
});

/** The plan form's flat fields (`lanes.0.name`, …) as the object the schema reads; anything else passes as it is. */
export function readPlanBasicsForm(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input) || "lanes" in input) return input;
  const fields = input as FormFields;
  return {
    revision: fields.revision,
    northStar: fields.northStar,
    horizon: fields.horizon,
    lanes: Array.from({ length: PLAN_LIMITS.lanes }, (_, i) => ({
      name: fields[`lanes.${i}.name`],
      outcome: fields[`lanes.${i}.outcome`],
      metrics: fields[`lanes.${i}.metrics`],
    })),
  };
}

/** A plan's north star, horizon and lanes, from the form's fields or as an object. */
export const planBasicsSchema = z.preprocess(readPlanBasicsForm, planBasicsObject);

export type PlanBasicsInput = z.output<typeof planBasicsSchema>;

// ── milestones ───────────────────────────────────────────────────────────────────────────────

const weekMessage = `Choose a week within the quarter, 1 to ${WEEKS_IN_QUARTER}.`;
const laneMessage = "Choose one of your plan's lanes.";

/** A milestone as the form sends it: its lane by position, the week of the quarter it is due in, what it leaves behind. */
export const milestoneFieldsSchema = z.object({
  lane: z.coerce.number(laneMessage).int(laneMessage).min(1, laneMessage).max(PLAN_LIMITS.lanes, laneMessage),
  title: z.preprocess(
    typed,
    z
      .string("Use text.")
      .min(1, "Give the milestone a title.")
      .max(MILESTONE_LIMITS.title, `Use at most ${MILESTONE_LIMITS.title} characters.`)
      .refine((s) => !CONTROL_OR_BREAK.test(s), "Use letters, not line breaks or control characters."),
  ),
  targetWeek: z.coerce.number(weekMessage).int(weekMessage).min(1, weekMessage).max(WEEKS_IN_QUARTER, weekMessage),
  artifact: z.enum(MILESTONE_ARTIFACTS, "Choose what it leaves behind."),
  success: z.preprocess(typed, longText(MILESTONE_LIMITS.success, "how success is measured").pipe(z.string().min(1, "Say how you will know it worked."))),
  // An item from the list, or none: "" from the form and null from code both mean none.
  evidenceId: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? v.trim() : v), z.uuid("Choose one of your evidence items.").nullable()),
  // A checkbox: sent as "on" when ticked, not sent at all otherwise.
  done: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type MilestoneInput = z.output<typeof milestoneFieldsSchema>;

/** A milestone's id as a form or a URL sends it: anything that is not one is answered "not found". */
const milestoneId = z.string("That milestone was not found.").trim().max(100, "That milestone was not found.");
const milestoneRevision = z.coerce.number("Reload the page: the form is missing its revision.").int().min(1).max(2_147_483_647);

export const updateMilestoneSchema = milestoneFieldsSchema.extend({ id: milestoneId, revision: milestoneRevision });
export const milestoneDoneSchema = z.object({ id: milestoneId, revision: milestoneRevision, done: milestoneFieldsSchema.shape.done });
export const deleteMilestoneSchema = z.object({ id: milestoneId, revision: milestoneRevision });
