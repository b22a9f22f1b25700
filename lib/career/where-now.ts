import { nextSteps } from "@/lib/framework/path-graph";
import { formatTimeframe } from "@/lib/framework/timeframe";

/**
 * "Where you are now": time at the current step against its expected timeframe, and what the
 * steps that open next expect. Pure functions over a framework version and a placement.
 */

export type TimeAtStep = {
  months: number;
  expected: string | null;
  /** Before the shortest expected time, within it, past the longest, or a step with no bound. */
  status: "early" | "within" | "beyond" | "open-ended";
};

export function timeAtStep(months: number, step: { timeframeMinMonths: number | null; timeframeMaxMonths: number | null }): TimeAtStep {
  const { timeframeMinMonths: min, timeframeMaxMonths: max } = step;
  const expected = formatTimeframe(min, max);
  let status: TimeAtStep["status"] = "within";
  if (min === null && max === null) status = "open-ended";
  else if (max !== null && months > max) status = "beyond";
  else if (min !== null && months < min) status = "early";
  return { months, expected, status };
}

export function describeTimeAtStep(t: TimeAtStep): string {
  const spent = t.months === 1 ? "1 month" : `${t.months} months`;
  return t.expected ? `${spent} — expected ${t.expected}` : spent;
}

type Step = { id: string; key: string; name: string; summary: string; timeframeMinMonths: number | null; timeframeMaxMonths: number | null };
type Cell = { stepId: string; dimensionId: string; summary: string; expectations: { text: string; examples: string[] }[] };
type Version = {
  steps: Step[];
  dimensions: { id: string; key: string; name: string }[];
  transitions: { fromStepId: string; toStepId: string; label: string }[];
  cells: Cell[];
};

export type DimensionChange = {
  dimension: { id: string; name: string };
  now: string | null;
  next: string | null;
  /** Expectations of the next step that the current step does not list. */
  newExpectations: string[];
};

export type NextStepView = { step: Step; label: string; changes: DimensionChange[] };

/** The steps that open from `stepId`, each with what it expects, dimension by dimension, beyond the current step. */
export function nextStepsWithChanges(version: Version, stepId: string): NextStepView[] {
  const cellAt = new Map(version.cells.map((c) => [`${c.stepId}:${c.dimensionId}`, c]));
  return nextSteps(version.steps, version.transitions, stepId).map(({ step, label }) => ({
    step,
    label,
    changes: version.dimensions.map((d) => {
      const now = cellAt.get(`${stepId}:${d.id}`);
      const next = cellAt.get(`${step.id}:${d.id}`);
      const known = new Set((now?.expectations ?? []).map((e) => normalise(e.text)));
      return {
        dimension: { id: d.id, name: d.name },
        now: now?.summary ?? null,
        next: next?.summary ?? null,
        newExpectations: (next?.expectations ?? []).map((e) => e.text).filter((t) => !known.has(normalise(t))),
      };
    }),
  }));
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
