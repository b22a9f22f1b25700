import { describe, expect, it } from "vitest";
import { describeTimeAtStep, nextStepsWithChanges, timeAtStep } from "./where-now";

describe("timeAtStep", () => {
  const step = (min: number | null, max: number | null) => ({ timeframeMinMonths: min, timeframeMaxMonths: max });

  it("places the time against the expected timeframe", () => {
    expect(timeAtStep(14, step(12, 36))).toEqual({ months: 14, expected: "1–3 years", status: "within" });
    expect(timeAtStep(4, step(6, 12)).status).toBe("early");
    expect(timeAtStep(15, step(6, 12)).status).toBe("beyond");
    expect(timeAtStep(12, step(6, 12)).status).toBe("within");
    expect(timeAtStep(50, step(24, null)).status).toBe("within");
    expect(timeAtStep(50, step(null, null))).toEqual({ months: 50, expected: null, status: "open-ended" });
  });

  it("reads as people say it", () => {
    expect(describeTimeAtStep(timeAtStep(14, step(12, 36)))).toBe("14 months — expected 1–3 years");
    expect(describeTimeAtStep(timeAtStep(1, step(6, 12)))).toBe("1 month — expected 6–12 months");
    expect(describeTimeAtStep(timeAtStep(7, step(null, null)))).toBe("7 months");
  });
});

describe("nextStepsWithChanges", () => {
  const version = {
    steps: [
      { id: "s", key: "senior", name: "Senior", summary: "", timeframeMinMonths: 24, timeframeMaxMonths: 36 },
      { id: "d", key: "deeper", name: "Senior II", summary: "", timeframeMinMonths: 24, timeframeMaxMonths: null },
      { id: "b", key: "broader", name: "Staff", summary: "", timeframeMinMonths: 24, timeframeMaxMonths: null },
    ],
    dimensions: [
      { id: "scope", key: "scope", name: "Scope" },
      { id: "own", key: "own", name: "Ownership" },
    ],
    transitions: [
      { fromStepId: "s", toStepId: "d", label: "Deeper in one team" },
      { fromStepId: "s", toStepId: "b", label: "Broader across teams" },
    ],
    cells: [
      { stepId: "s", dimensionId: "scope", summary: "The team.", expectations: [{ text: "Leads the team's design reviews.", examples: [] }] },
      { stepId: "d", dimensionId: "scope", summary: "One domain, deeply.", expectations: [{ text: "Leads the team's  design reviews.", examples: [] }, { text: "Owns the domain's roadmap.", examples: [] }] },
      { stepId: "b", dimensionId: "scope", summary: "Several teams.", expectations: [{ text: "Aligns several teams.", examples: [] }] },
      { stepId: "b", dimensionId: "own", summary: "What falls between teams.", expectations: [] },
    ],
  };

  it("lists each branch with its label and what it adds, dimension by dimension", () => {
    const next = nextStepsWithChanges(version, "s");
    expect(next.map((n) => [n.step.name, n.label])).toEqual([
      ["Senior II", "Deeper in one team"],
      ["Staff", "Broader across teams"],
    ]);
    expect(next[0]!.changes[0]).toEqual({
      dimension: { id: "scope", name: "Scope" },
      now: "The team.",
      next: "One domain, deeply.",
      newExpectations: ["Owns the domain's roadmap."],
    });
    // A dimension the current step leaves empty: all of the next step's cell is new.
    expect(next[1]!.changes[1]).toMatchObject({ now: null, next: "What falls between teams.", newExpectations: [] });
  });

  it("has nothing next at the end of the path", () => {
    expect(nextStepsWithChanges(version, "b")).toEqual([]);
  });
});
