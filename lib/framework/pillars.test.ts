import { describe, expect, it } from "vitest";
import { focusPillar, hasPillars, pillarLabel, pillarRuns, pillarsOf } from "./pillars";

const dim = (id: string, group: string | null) => ({ id, group });

const sixteen = [
  ...["hiring", "coaching", "feedback", "health"].map((id) => dim(id, "People")),
  ...["planning", "execution", "operations", "stakeholders"].map((id) => dim(id, "Delivery")),
  ...["direction", "org", "business", "budget"].map((id) => dim(id, "Strategy")),
  ...["architecture", "practice", "kaizen", "writing"].map((id) => dim(id, "Craft")),
];

describe("pillarsOf", () => {
  it("lists the pillars in the order they first appear, with their size and a key made from the name", () => {
    expect(pillarsOf(sixteen)).toEqual([
      { key: "people", name: "People", size: 4 },
      { key: "delivery", name: "Delivery", size: 4 },
      { key: "strategy", name: "Strategy", size: 4 },
      { key: "craft", name: "Craft", size: 4 },
    ]);
  });

  it("has none when no dimension has a group, as in a plain matrix", () => {
    const plain = [dim("a", null), dim("b", null), dim("c", "  ")];
    expect(hasPillars(plain)).toBe(false);
    expect(pillarsOf(plain)).toEqual([]);
    expect(pillarRuns(plain)).toEqual([]);
  });

  it("makes keys from names in any script, with accents, emoji and spaces, and keeps them distinct", () => {
    const pillars = pillarsOf([dim("a", "Équipe & Personnes 🤝"), dim("b", "改善"), dim("c", "Équipe: personnes"), dim("d", "Ремесло"), dim("e", " Craft ")]);
    expect(pillars.map((p) => p.key)).toEqual(["equipe-personnes", "pillar-2", "equipe-personnes-2", "pillar-4", "craft"]);
    expect(pillars.map((p) => p.name)).toEqual(["Équipe & Personnes 🤝", "改善", "Équipe: personnes", "Ремесло", "Craft"]);
  });

  it("gathers dimensions without a group into one pillar of their own, where others have a group", () => {
    const pillars = pillarsOf([dim("a", "People"), dim("b", null), dim("c", "People"), dim("d", null)]);
    expect(pillars).toEqual([
      { key: "people", name: "People", size: 2 },
      { key: "other", name: null, size: 2 },
    ]);
    expect(pillars.map(pillarLabel)).toEqual(["People", "Other"]);
  });

  it("keeps keys short enough for a URL", () => {
    const [pillar] = pillarsOf([dim("a", "x".repeat(10_000))]);
    expect(pillar!.key).toHaveLength(48);
  });
});

describe("pillarRuns", () => {
  it("spans each pillar's neighbouring dimensions", () => {
    const runs = pillarRuns(sixteen);
    expect(runs.map((r) => [r.pillar.name, r.dimensions.length])).toEqual([
      ["People", 4],
      ["Delivery", 4],
      ["Strategy", 4],
      ["Craft", 4],
    ]);
    expect(runs[1]!.dimensions.map((d) => d.id)).toEqual(["planning", "execution", "operations", "stakeholders"]);
  });

  it("gives a pillar split by another one a run for each stretch", () => {
    const runs = pillarRuns([dim("a", "People"), dim("b", "Craft"), dim("c", "People")]);
    expect(runs.map((r) => [r.pillar.key, r.dimensions.map((d) => d.id)])).toEqual([
      ["people", ["a"]],
      ["craft", ["b"]],
      ["people", ["c"]],
    ]);
  });
});

describe("focusPillar", () => {
  it("shows every dimension without a key", () => {
    const focus = focusPillar(sixteen, undefined);
    expect(focus).toMatchObject({ focused: null, unknown: false });
    expect(focus.dimensions).toHaveLength(16);
    expect(focusPillar(sixteen, "").dimensions).toHaveLength(16);
  });

  it("shows only the dimensions of the pillar asked for, in their order", () => {
    const focus = focusPillar(sixteen, "delivery");
    expect(focus.focused).toEqual({ key: "delivery", name: "Delivery", size: 4 });
    expect(focus.dimensions.map((d) => d.id)).toEqual(["planning", "execution", "operations", "stakeholders"]);
    expect(focus.pillars).toHaveLength(4);
  });

  it("focuses on a pillar that is split, and on the dimensions without a group", () => {
    const dims = [dim("a", "People"), dim("b", null), dim("c", "People")];
    expect(focusPillar(dims, "people").dimensions.map((d) => d.id)).toEqual(["a", "c"]);
    expect(focusPillar(dims, "other").dimensions.map((d) => d.id)).toEqual(["b"]);
  });

  it("shows everything, and says so, for a key that names no pillar", () => {
    for (const key of ["nope", "People", "<script>", "x".repeat(5000)]) {
      const focus = focusPillar(sixteen, key);
      expect(focus).toMatchObject({ focused: null, unknown: true });
      expect(focus.dimensions).toHaveLength(16);
    }
    expect(focusPillar([dim("a", null)], "people")).toMatchObject({ pillars: [], unknown: true });
  });
});
