import { describe, expect, it } from "vitest";
import { defaultFramework } from "@/db/seed/default-framework";
import type { FrameworkDefinition } from "./definition";
import { definitionOf, diffText, diffVersions, expectationsAsText, isEmptyDiff, pickVersionPair } from "./diff";

const base: FrameworkDefinition = {
  key: "ladder",
  name: "Ladder",
  dimensions: [
    { key: "craft", name: "Craft", description: "How the work is done." },
    { key: "people", name: "People" },
  ],
  steps: [
    { key: "one", name: "One", summary: "Starts out.", timeframeMinMonths: 6, timeframeMaxMonths: 12 },
    { key: "two", name: "Two" },
    { key: "three", name: "Three" },
  ],
  transitions: [
    { from: "one", to: "two" },
    { from: "two", to: "three", label: "Usual" },
  ],
  cells: [
    { step: "one", dimension: "craft", summary: "Delivers well-scoped tasks with help." },
    { step: "two", dimension: "craft", summary: "Delivers features.", expectations: [{ text: "Writes tests.", examples: ["Added a suite"] }] },
    { step: "three", dimension: "people", summary: "Mentors others." },
  ],
};

const edit = (change: (def: FrameworkDefinition) => void): FrameworkDefinition => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

describe("diffVersions", () => {
  it("finds nothing between a version and itself, even when defaults are spelled out", () => {
    const spelledOut = edit((d) => {
      d.description = "";
      d.steps[1] = { ...d.steps[1]!, summary: "", timeframeMinMonths: null, timeframeMaxMonths: null };
      d.transitions[0]!.label = "";
      d.dimensions[1]!.group = null;
    });
    const diff = diffVersions(base, spelledOut);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.counts.cells).toEqual({ added: 0, removed: 0, renamed: 0, changed: 0 });
    expect(isEmptyDiff(diffVersions(defaultFramework, defaultFramework))).toBe(true);
  });

  it("matches steps by key: a new name under the same key is a rename, not a removal", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.steps[1]!.name = "Two and a half";
      }),
    );
    expect(diff.steps).toEqual([
      expect.objectContaining({ key: "two", status: "kept", renamed: true, changed: [], before: expect.objectContaining({ name: "Two" }), after: expect.objectContaining({ name: "Two and a half" }) }),
    ]);
    expect(diff.counts.steps).toEqual({ added: 0, removed: 0, renamed: 1, changed: 0 });
    // Cells and transitions follow the key, so they do not change.
    expect(diff.cells).toEqual([]);
    expect(diff.transitions).toEqual([]);
  });

  it("lists removed and added steps in place (the removed first, as a diff reads), with the transitions and cells that came and went with them", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.steps.splice(2, 1, { key: "staff", name: "Staff" });
        d.transitions[1] = { from: "two", to: "staff", label: "" };
        d.cells[2] = { step: "staff", dimension: "people", summary: "Grows a team." };
      }),
    );
    expect(diff.steps.map((s) => [s.key, s.status])).toEqual([
      ["three", "removed"],
      ["staff", "added"],
    ]);
    expect(diff.transitions.map((t) => [t.key, t.status, t.fromName, t.toName])).toEqual([
      ["two→three", "removed", "Two", "Three"],
      ["two→staff", "added", "Two", "Staff"],
    ]);
    expect(diff.cells.map((c) => [c.key, c.status, c.stepName, c.dimensionName])).toEqual([
      ["three/people", "removed", "Three", "People"],
      ["staff/people", "added", "Staff", "People"],
    ]);
    expect(diff.cells[0]!.summaryText).toEqual([{ kind: "deleted", text: "Mentors others." }]);
    expect(diff.cells[1]!.summaryText).toEqual([{ kind: "inserted", text: "Grows a team." }]);
    expect(diff.counts.transitions).toEqual({ added: 1, removed: 1, renamed: 0, changed: 0 });
    // An added step without a summary has no text to show.
    expect(diff.steps.map((s) => s.summaryText)).toEqual([null, null]);
    const gone = diffVersions(base, edit((d) => d.steps.splice(0, 1)));
    expect(gone.steps[0]).toMatchObject({ key: "one", status: "removed", summaryText: [{ kind: "deleted", text: "Starts out." }] });
  });

  it("says which fields of a step, dimension or transition changed", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.steps[0] = { ...d.steps[0]!, summary: "Starts out with help.", timeframeMaxMonths: 18 };
        d.dimensions[1] = { ...d.dimensions[1]!, group: "Leadership" };
        d.dimensions[0]!.description = "How the work is planned and done.";
        d.transitions[1]!.label = "Deeper";
      }),
    );
    expect(diff.steps).toEqual([expect.objectContaining({ key: "one", renamed: false, changed: ["summary", "timeframe"] })]);
    expect(diff.steps[0]!.summaryText).toEqual([
      { kind: "same", text: "Starts out " },
      { kind: "inserted", text: "with help" },
      { kind: "same", text: "." },
    ]);
    expect(diff.dimensions.map((d) => [d.key, d.changed])).toEqual([
      ["craft", ["description"]],
      ["people", ["group"]],
    ]);
    expect(diff.dimensions[0]!.descriptionText).toContainEqual({ kind: "inserted", text: "planned and " });
    expect(diff.transitions).toEqual([expect.objectContaining({ key: "two→three", status: "kept", changed: ["label"], before: { from: "two", to: "three", label: "Usual" }, after: { from: "two", to: "three", label: "Deeper" } })]);
  });

  it("diffs cell text word by word, and says whether the summary or the expectations changed", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.cells[0]!.summary = "Delivers well-scoped features with little help.";
        d.cells[1]!.expectations = [{ text: "Writes tests first.", examples: ["Added a suite"] }, { text: "Reviews code." }];
      }),
    );
    expect(diff.cells.map((c) => [c.key, c.changed])).toEqual([
      ["one/craft", ["summary"]],
      ["two/craft", ["expectations"]],
    ]);
    const parts = diff.cells[0]!.summaryText;
    expect(parts.filter((p) => p.kind === "deleted").map((p) => p.text.trim())).toEqual(["tasks"]);
    expect(parts.filter((p) => p.kind === "inserted").map((p) => p.text.trim())).toEqual(["features", "little"]);
    // Putting the parts back together gives either version.
    expect(parts.filter((p) => p.kind !== "inserted").map((p) => p.text).join("")).toBe("Delivers well-scoped tasks with help.");
    expect(parts.filter((p) => p.kind !== "deleted").map((p) => p.text).join("")).toBe("Delivers well-scoped features with little help.");
    const expectations = diff.cells[1]!.expectationsText;
    expect(expectations.filter((p) => p.kind === "inserted").map((p) => p.text.trim())).toEqual(["first", "Reviews code."]);
    expect(diff.cells[1]!.summaryText).toEqual([{ kind: "same", text: "Delivers features." }]);
  });

  it("orders cells as the matrix reads: by step, then by dimension", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.cells = [
          { step: "three", dimension: "people", summary: "Mentors a team." },
          { step: "one", dimension: "people", summary: "Pairs." },
          { step: "one", dimension: "craft", summary: "Delivers tasks." },
        ];
      }),
    );
    expect(diff.cells.map((c) => [c.key, c.status])).toEqual([
      ["one/craft", "kept"],
      ["one/people", "added"],
      ["two/craft", "removed"],
      ["three/people", "kept"],
    ]);
  });

  it("notices a new order of the same steps or dimensions, and a renamed framework", () => {
    const diff = diffVersions(
      base,
      edit((d) => {
        d.name = "The ladder";
        d.dimensions.reverse();
        d.steps.splice(1, 0, { key: "one-and-a-half", name: "One and a half" });
      }),
    );
    expect(diff.reordered).toEqual({ steps: false, dimensions: true });
    expect(diff.framework).toMatchObject({ renamed: true, before: "Ladder", after: "The ladder" });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("shows two unrelated long texts as one replaced by the other", () => {
    const a = Array.from({ length: 2000 }, (_, i) => `alpha${i}`).join(" ");
    const b = Array.from({ length: 2000 }, (_, i) => `beta${i}`).join(" ");
    expect(diffText(a, b)).toEqual([
      { kind: "deleted", text: a },
      { kind: "inserted", text: b },
    ]);
    expect(diffText("", "")).toEqual([]);
  });

  it("diffs two full 60 × 30 versions that differ in every cell", () => {
    const big = (word: string): FrameworkDefinition => ({
      key: "big",
      name: "Big",
      dimensions: Array.from({ length: 30 }, (_, i) => ({ key: `d${i}`, name: `D${i}` })),
      steps: Array.from({ length: 60 }, (_, i) => ({ key: `s${i}`, name: `S${i}` })),
      transitions: Array.from({ length: 59 }, (_, i) => ({ from: `s${i}`, to: `s${i + 1}` })),
      cells: Array.from({ length: 1800 }, (_, i) => ({
        step: `s${Math.floor(i / 30)}`,
        dimension: `d${i % 30}`,
        summary: `Does the ${word} work with care, `.repeat(10),
        expectations: [{ text: `Writes the ${word} tests.`, examples: [] }],
      })),
    });
    const diff = diffVersions(big("old"), big("new"));
    expect(diff.counts.cells.changed).toBe(1800);
  });
});

describe("expectationsAsText", () => {
  it("puts one expectation a line, with its examples", () => {
    expect(expectationsAsText([{ text: "Writes tests.", examples: ["A", "B"] }, { text: "Reviews.", examples: [] }])).toBe(
      "Writes tests. (for example: A; B)\nReviews.",
    );
  });
});

describe("definitionOf", () => {
  it("turns a stored version's ids back into keys", () => {
    const def = definitionOf({
      framework: { key: "ladder", name: "Ladder", description: "" },
      dimensions: [{ id: "d1", key: "craft", name: "Craft", description: "", group: null }],
      steps: [
        { id: "s1", key: "one", name: "One", summary: "", timeframeMinMonths: null, timeframeMaxMonths: null },
        { id: "s2", key: "two", name: "Two", summary: "", timeframeMinMonths: 6, timeframeMaxMonths: 12 },
      ],
      transitions: [{ fromStepId: "s1", toStepId: "s2", label: "" }],
      cells: [{ stepId: "s2", dimensionId: "d1", summary: "Works.", expectations: [] }],
    });
    expect(def.transitions).toEqual([{ from: "one", to: "two", label: "" }]);
    expect(def.cells).toEqual([{ step: "two", dimension: "craft", summary: "Works.", expectations: [] }]);
    expect(def.steps[1]).toEqual({ key: "two", name: "Two", summary: "", timeframeMinMonths: 6, timeframeMaxMonths: 12 });
  });
});

describe("pickVersionPair", () => {
  const numbers = [4, 3, 2, 1];

  it("takes the pair asked for, in either direction", () => {
    expect(pickVersionPair(numbers, { from: "1", to: "3" })).toEqual({ from: 1, to: 3, fellBack: false });
    expect(pickVersionPair(numbers, { from: "4", to: "2" })).toEqual({ from: 4, to: 2, fellBack: false });
  });

  it("compares `to` alone with the version before it, and nothing asked for as the latest two", () => {
    expect(pickVersionPair(numbers, { to: "3" })).toEqual({ from: 2, to: 3, fellBack: false });
    expect(pickVersionPair(numbers, {})).toEqual({ from: 3, to: 4, fellBack: false });
  });

  it("falls back to the latest two, saying so, for anything else", () => {
    for (const query of [{ from: "2", to: "2" }, { from: "9", to: "1" }, { from: "x", to: "1" }, { from: ["1", "2"], to: "3" }, { from: "01", to: "3" }, { to: "1" }, { from: "1e3" }]) {
      expect(pickVersionPair(numbers, query)).toEqual({ from: 3, to: 4, fellBack: true });
    }
  });

  it("has nothing to compare with one version", () => {
    expect(pickVersionPair([1], { from: "1", to: "1" })).toBeNull();
  });
});
