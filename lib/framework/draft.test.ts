import { describe, expect, it } from "vitest";
import { defaultFramework } from "@/db/seed/default-framework";
import { frameworkDefinitionSchema } from "./definition";
import {
  addDimension,
  addStep,
  addTransition,
  anchorOf,
  draftSchema,
  moveItem,
  newKey,
  parseJsonPath,
  pillarsOf,
  placeOf,
  publishProblems,
  removeDimension,
  removeStep,
  removeTransition,
  setCell,
  type Draft,
} from "./draft";
import { jsonPath } from "./format";

const parsed = frameworkDefinitionSchema.parse(defaultFramework);
const seeded: Draft = { dimensions: parsed.dimensions, steps: parsed.steps, transitions: parsed.transitions, cells: parsed.cells };
const meta = { key: parsed.key, name: parsed.name, description: parsed.description };
const problemsOf = (draft: Draft) => publishProblems({ ...meta, ...draft });

describe("a framework draft", () => {
  it("starts from the default framework with nothing to fix, and is storable", () => {
    expect(problemsOf(seeded)).toEqual([]);
    expect(draftSchema.safeParse(seeded).success).toBe(true);
  });

  it("adds a step after another, as a branch from it, with a key made from its name", () => {
    const { draft, key } = addStep(seeded, "Architect", { after: "staff-engineer", branchLabel: "Deeper technical path" });
    expect(key).toBe("architect");
    const at = draft.steps.findIndex((s) => s.key === "staff-engineer");
    expect(draft.steps[at + 1]).toMatchObject({ key, name: "Architect", summary: "", timeframeMinMonths: null });
    expect(draft.transitions).toContainEqual({ from: "staff-engineer", to: key, label: "Deeper technical path" });
    expect(draft.steps).toHaveLength(seeded.steps.length + 1);
    // A step expects nothing yet, and that is no problem: cells may be left empty.
    expect(problemsOf(draft)).toEqual([]);
  });

  it("makes keys unique, and numbered for names with no Latin letters", () => {
    expect(newKey("Staff Engineer", ["staff-engineer"], "step")).toBe("staff-engineer-2");
    expect(newKey("Staff Engineer", ["staff-engineer", "staff-engineer-2"], "step")).toBe("staff-engineer-3");
    expect(newKey("🚀 リード", ["a", "b"], "dimension")).toBe("dimension-3");
    const once = addStep(seeded, "Staff Engineer").key;
    expect(once).not.toBe("staff-engineer");
  });

  it("removes a step with its transitions and cells, and a dimension with its cells", () => {
    const step = seeded.steps[1]!.key;
    const withoutStep = removeStep(seeded, step);
    expect(withoutStep.steps.map((s) => s.key)).not.toContain(step);
    expect(withoutStep.transitions.some((t) => t.from === step || t.to === step)).toBe(false);
    expect(withoutStep.cells.some((c) => c.step === step)).toBe(false);

    const dimension = seeded.dimensions[0]!.key;
    const withoutDimension = removeDimension(seeded, dimension);
    expect(withoutDimension.dimensions).toHaveLength(seeded.dimensions.length - 1);
    expect(withoutDimension.cells.some((c) => c.dimension === dimension)).toBe(false);
    expect(withoutDimension.cells.length).toBeGreaterThan(0);
  });

  it("adds a transition once, never from a step to itself or to a step that is not there", () => {
    const [a, b] = seeded.steps;
    const fresh = addStep(seeded, "Side step");
    const added = addTransition(fresh.draft, { from: a!.key, to: fresh.key, label: "Side" });
    expect(added.transitions).toHaveLength(seeded.transitions.length + 1);
    expect(addTransition(added, { from: a!.key, to: fresh.key, label: "Again" })).toBe(added);
    expect(addTransition(seeded, { from: a!.key, to: a!.key, label: "" })).toBe(seeded);
    expect(addTransition(seeded, { from: a!.key, to: "nowhere", label: "" })).toBe(seeded);
    expect(removeTransition(added, a!.key, fresh.key).transitions).toEqual(seeded.transitions);
    expect(b).toBeDefined();
  });

  it("moves an item one place, and leaves the ends alone", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("sets a cell, and clears it when nothing is written", () => {
    const [step, dimension] = [seeded.steps[0]!.key, seeded.dimensions[0]!.key];
    const edited = setCell(seeded, step, dimension, { summary: "New words.", expectations: [{ text: "One thing", examples: ["An example"] }] });
    expect(edited.cells.find((c) => c.step === step && c.dimension === dimension)).toEqual({
      step,
      dimension,
      summary: "New words.",
      expectations: [{ text: "One thing", examples: ["An example"] }],
    });
    expect(edited.cells).toHaveLength(seeded.cells.length);
    const cleared = setCell(edited, step, dimension, { summary: "  ", expectations: [{ text: "", examples: [" "] }] });
    expect(cleared.cells).toHaveLength(seeded.cells.length - 1);
    expect(setCell(cleared, step, dimension, null)).toEqual(cleared);
  });

  it("names a loop, an empty name and an over-long cell, each once and at its place", () => {
    const [first, second] = seeded.steps;
    let draft = addTransition(seeded, { from: second!.key, to: first!.key, label: "" });
    draft = { ...draft, steps: draft.steps.map((s, i) => (i === 2 ? { ...s, name: "  " } : s)) };
    draft = setCell(draft, first!.key, seeded.dimensions[0]!.key, { summary: "x".repeat(4001), expectations: [] });
    const problems = problemsOf(draft);
    const loop = problems.find((p) => p.message.startsWith("The path loops back on itself"));
    // It points at a transition of the loop, and links to the step that transition leaves.
    expect(loop).toMatchObject({ where: "The path", path: ["transitions", expect.any(Number)] });
    const inLoop = draft.transitions[loop!.path[1] as number]!;
    expect([first!.key, second!.key]).toContain(inLoop.from);
    expect(anchorOf(draft, loop!.path)).toBe(`draft-step-${inLoop.from}`);
    const unnamed = problems.filter((p) => p.at === "steps[2].name");
    expect(unnamed).toHaveLength(1);
    expect(unnamed[0]!.message).toBe("A step needs a name.");
    const long = problems.find((p) => p.path[0] === "cells");
    expect(long?.message).toMatch(/at most 4,000 characters/);
    expect(anchorOf(draft, long!.path)).toBe(`draft-cell-${first!.key}-${seeded.dimensions[0]!.key}`);
    // Every problem is listed once: nothing from the definition's own checks repeats the path rules.
    expect(new Set(problems.map((p) => `${p.at} ${p.message}`)).size).toBe(problems.length);
  });

  it("names an expectation without text by its cell", () => {
    const [step, dimension] = [seeded.steps[0]!.key, seeded.dimensions[0]!.key];
    const draft = setCell(seeded, step, dimension, { summary: "Words.", expectations: [{ text: "", examples: ["Only an example"] }] });
    const problems = problemsOf(draft);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: "This cannot be empty.", where: expect.stringMatching(/^Cell “.+” × “.+”$/) });
  });

  it("reads a JSON path back as its segments", () => {
    for (const path of [["cells", 12, "summary"], ["steps", 0], ["transitions"], ["cells", 3, "expectations", 1, "examples", 0]]) {
      expect(parseJsonPath(jsonPath(path))).toEqual(path);
    }
    expect(placeOf(seeded, ["dimensions", 0])).toBe(`Dimension “${seeded.dimensions[0]!.name}”`);
    expect(placeOf(seeded, ["steps", 999])).toBe("Steps");
  });

  it("lists the pillars in order of first use", () => {
    let draft = addDimension(seeded, "Mentoring", "People").draft;
    draft = addDimension(draft, "Delivery", "Craft").draft;
    draft = addDimension(draft, "Hiring", "People").draft;
    expect(pillarsOf(draft)).toEqual(["People", "Craft"]);
  });

  it("refuses to store keys that clash and parts that point nowhere, but stores a draft that is not yet publishable", () => {
    const clash = { ...seeded, steps: [...seeded.steps, { ...seeded.steps[0]! }] };
    expect(draftSchema.safeParse(clash).error?.issues[0]?.message).toMatch(/already has the key/);
    const dangling = { ...seeded, cells: [...seeded.cells, { step: "ghost", dimension: seeded.dimensions[0]!.key, summary: "Boo", expectations: [] }] };
    expect(draftSchema.safeParse(dangling).success).toBe(false);
    const loop = { ...seeded, transitions: [...seeded.transitions, { from: seeded.steps[1]!.key, to: seeded.steps[0]!.key, label: "" }] };
    const selfLoop = { ...seeded, transitions: [...seeded.transitions, { from: seeded.steps[1]!.key, to: seeded.steps[1]!.key, label: "" }] };
    const inverted = { ...seeded, steps: seeded.steps.map((s, i) => (i === 0 ? { ...s, timeframeMinMonths: 20, timeframeMaxMonths: 10 } : s)) };
    const unnamed = { ...seeded, steps: seeded.steps.map((s, i) => (i === 0 ? { ...s, name: "" } : s)) };
    expect(draftSchema.safeParse(loop).success).toBe(true);
    expect(draftSchema.safeParse(unnamed).success).toBe(true);
    expect(draftSchema.safeParse(selfLoop).success).toBe(false);
    expect(draftSchema.safeParse(inverted).success).toBe(false);
    expect(draftSchema.safeParse({ ...seeded, steps: "many" }).success).toBe(false);
    expect(draftSchema.safeParse({ ...seeded, cells: seeded.cells.map((c) => ({ ...c, summary: "x".repeat(4001) })) }).success).toBe(false);
  });
});
