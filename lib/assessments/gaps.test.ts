import { describe, expect, it } from "vitest";
import { computeGaps, describeGap, describeGapBriefly, describeGapCount } from "./gaps";

const edge = (fromStepId: string, toStepId: string) => ({ fromStepId, toStepId });

// A forked path: after senior one branch goes deeper (senior2) and rejoins at staff; a people
// manager branch (manager → director) never meets the others again.
const framework = {
  dimensions: [
    { id: "scope", name: "Scope of influence" },
    { id: "how", name: "How work is conducted" },
    { id: "ownership", name: "Ownership" },
    { id: "craft", name: "Craft" },
  ],
  steps: ["se1", "se2", "senior", "senior2", "staff", "manager", "director"].map((id) => ({ id, name: `Step ${id}` })),
  transitions: [
    edge("se1", "se2"),
    edge("se2", "senior"),
    edge("senior", "senior2"),
    edge("senior", "staff"),
    edge("senior2", "staff"),
    edge("senior", "manager"),
    edge("manager", "director"),
  ],
};

const ratings = (picks: Record<string, string | null>) => Object.entries(picks).map(([dimensionId, stepId]) => ({ dimensionId, stepId }));

describe("computeGaps", () => {
  it("compares the self-placement with the manager's in each dimension, in the framework's order", () => {
    const report = computeGaps(
      framework,
      ratings({ ownership: "staff", scope: "se2", how: "director", craft: "senior" }),
      ratings({ scope: "senior2", how: "staff", ownership: "senior", craft: "senior" }),
    );
    expect(report.dimensions.map((d) => [d.dimension.id, d.self?.id, d.manager?.id, d.comparison])).toEqual([
      ["scope", "se2", "senior2", { kind: "behind", by: 2 }],
      ["how", "director", "staff", { kind: "apart" }],
      ["ownership", "staff", "senior", { kind: "ahead", by: 1 }],
      ["craft", "senior", "senior", { kind: "same" }],
    ]);
    expect(report.dimensions.map((d) => d.isGap)).toEqual([true, true, true, false]);
    expect(report.gapCount).toBe(3);
  });

  it("counts the shortest way through a fork that rejoins", () => {
    const report = computeGaps(framework, ratings({ scope: "staff" }), ratings({ scope: "senior" }));
    expect(report.dimensions[0]!.comparison).toEqual({ kind: "ahead", by: 1 });
  });

  it("names the picked steps and leaves a dimension without both picks out of the gaps", () => {
    const report = computeGaps(framework, ratings({ scope: "se1", how: null }), ratings({ how: "se2" }));
    expect(report.dimensions[0]).toMatchObject({ self: { id: "se1", name: "Step se1" }, manager: null, comparison: { kind: "missing" }, isGap: false });
    expect(report.dimensions[1]).toMatchObject({ self: null, manager: { id: "se2" }, comparison: { kind: "missing" } });
    expect(report.gapCount).toBe(0);
  });

  it("treats a step of another framework version as not picked", () => {
    const report = computeGaps(framework, ratings({ scope: "ghost" }), ratings({ scope: "ghost" }));
    expect(report.dimensions[0]).toMatchObject({ self: null, manager: null, comparison: { kind: "missing" } });
  });

  it("ignores ratings of dimensions the framework does not have", () => {
    const report = computeGaps(framework, ratings({ retired: "se1" }), ratings({ retired: "staff" }));
    expect(report.dimensions.map((d) => d.dimension.id)).toEqual(["scope", "how", "ownership", "craft"]);
    expect(report.gapCount).toBe(0);
  });
});

describe("describeGap", () => {
  it("speaks from the self-placement's side", () => {
    expect(describeGap({ kind: "same" })).toEqual({ text: "Agree", tone: "agree" });
    expect(describeGap({ kind: "ahead", by: 1 })).toEqual({ text: "Self-placement 1 step further on", tone: "gap" });
    expect(describeGap({ kind: "behind", by: 2 })).toEqual({ text: "Self-placement 2 steps earlier", tone: "gap" });
    expect(describeGap({ kind: "apart" })).toEqual({ text: "Different branches", tone: "gap" });
    expect(describeGap({ kind: "missing" })).toEqual({ text: "Not both picked yet", tone: "none" });
  });

  it("counts gaps in words", () => {
    expect([0, 1, 3].map(describeGapCount)).toEqual(["No gaps", "1 gap to talk about", "3 gaps to talk about"]);
  });
});

describe("describeGapBriefly", () => {
  it("says each comparison in a few words, with how many steps apart", () => {
    expect(describeGapBriefly({ kind: "same" })).toBe("agree");
    expect(describeGapBriefly({ kind: "ahead", by: 1 })).toBe("gap 1, self further on");
    expect(describeGapBriefly({ kind: "behind", by: 2 })).toBe("gap 2, self earlier");
    expect(describeGapBriefly({ kind: "apart" })).toBe("different branches");
    expect(describeGapBriefly({ kind: "missing" })).toBe("not both picked");
  });
});
