/**
 * Gaps between a self-assessment and a manager assessment: per dimension, the step each side
 * picked and where the self-placement stands against the manager's on the path. Pure: the review
 * page renders it, and calibration can compute the same on the server.
 */
import { compareSteps, type GraphTransition, type StepComparison } from "@/lib/framework/path-graph";

export type GapFramework = {
  dimensions: { id: string; name: string }[];
  steps: { id: string; name: string }[];
  transitions: Pick<GraphTransition, "fromStepId" | "toStepId">[];
};

export type GapRating = { dimensionId: string; stepId: string | null };

export type DimensionGap = {
  dimension: { id: string; name: string };
  /** The steps each side picked, or null when that side has not picked one (or picked a step of another version). */
  self: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  /** The self-placement against the manager's: "ahead" means the engineer placed themselves further on. */
  comparison: StepComparison;
  /** Whether this dimension is worth talking about: both picked, and not the same step. */
  isGap: boolean;
};

export type GapReport = { dimensions: DimensionGap[]; gapCount: number };

/** Per dimension of the framework, in its order: both picks and how far apart they are. */
export function computeGaps(framework: GapFramework, self: GapRating[], manager: GapRating[]): GapReport {
  const stepById = new Map(framework.steps.map((s) => [s.id, { id: s.id, name: s.name }]));
  const pick = (ratings: GapRating[], dimensionId: string) => {
    const stepId = ratings.find((r) => r.dimensionId === dimensionId)?.stepId;
    return (stepId && stepById.get(stepId)) || null;
  };
  const dimensions = framework.dimensions.map((d): DimensionGap => {
    const mine = pick(self, d.id);
    const theirs = pick(manager, d.id);
    const comparison = compareSteps(framework.transitions, mine?.id ?? null, theirs?.id ?? null);
    return { dimension: { id: d.id, name: d.name }, self: mine, manager: theirs, comparison, isGap: isGap(comparison) };
  });
  return { dimensions, gapCount: dimensions.filter((d) => d.isGap).length };
}

export function isGap(comparison: StepComparison): boolean {
  return comparison.kind === "ahead" || comparison.kind === "behind" || comparison.kind === "apart";
}

/** The comparison in words, from the self-placement's side, with a tone for its badge. */
export function describeGap(comparison: StepComparison): { text: string; tone: "agree" | "gap" | "none" } {
  const steps = (n: number) => `${n} ${n === 1 ? "step" : "steps"}`;
  switch (comparison.kind) {
    case "same":
      return { text: "Agree", tone: "agree" };
    case "ahead":
      return { text: `Self-placement ${steps(comparison.by)} further on`, tone: "gap" };
    case "behind":
      return { text: `Self-placement ${steps(comparison.by)} earlier`, tone: "gap" };
    case "apart":
      return { text: "Different branches", tone: "gap" };
    case "missing":
      return { text: "Not both picked yet", tone: "none" };
  }
}

/** The comparison in a few words, for a row in a list of many people. */
export function describeGapBriefly(comparison: StepComparison): string {
  switch (comparison.kind) {
    case "same":
      return "agree";
    case "ahead":
      return `gap ${comparison.by}, self further on`;
    case "behind":
      return `gap ${comparison.by}, self earlier`;
    case "apart":
      return "different branches";
    case "missing":
      return "not both picked";
  }
}

/** The number of gaps as the review's headline. */
export function describeGapCount(gapCount: number): string {
  return gapCount === 0 ? "No gaps" : `${gapCount} ${gapCount === 1 ? "gap" : "gaps"} to talk about`;
}
