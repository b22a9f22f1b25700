import { describe, expect, it } from "vitest";
import { defaultFramework } from "@/db/seed/default-framework";
import { frameworkDefinitionSchema } from "./definition";

const minimal = {
  key: "ladder",
  name: "Ladder",
  dimensions: [{ key: "craft", name: "Craft" }],
  steps: [
    { key: "one", name: "One" },
    { key: "two", name: "Two" },
  ],
  transitions: [{ from: "one", to: "two" }],
  cells: [{ step: "one", dimension: "craft", summary: "Does the work." }],
};

const messages = (input: unknown) => {
  const r = frameworkDefinitionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("the default framework", () => {
  const def = frameworkDefinitionSchema.parse(defaultFramework);

  it("has the eight steps of the path in order, and the three dimensions", () => {
    expect(def.steps.map((s) => s.name)).toEqual([
      "Software Engineer",
      "Software Engineer II",
      "Software Engineer III",
      "Senior Engineer",
      "Senior Engineer II",
      "Staff Engineer",
      "Principal Engineer",
      "Engineer of Distinction",
    ]);
    expect(def.dimensions.map((d) => d.name)).toEqual(["Scope of influence", "How work is conducted", "Ownership"]);
  });

  it("forks after Senior Engineer, and both branches reach Staff Engineer", () => {
    const from = (key: string) => def.transitions.filter((t) => t.from === key).map((t) => t.to);
    expect(from("senior-engineer").sort()).toEqual(["senior-engineer-2", "staff-engineer"]);
    expect(from("senior-engineer-2")).toEqual(["staff-engineer"]);
    expect(from("staff-engineer")).toEqual(["principal-engineer"]);
    expect(from("principal-engineer")).toEqual(["engineer-of-distinction"]);
  });

  it("describes every cell and gives every step but the last an expected timeframe", () => {
    expect(def.cells).toHaveLength(24);
    expect(def.steps.slice(0, -1).every((s) => s.timeframeMinMonths !== null)).toBe(true);
    expect(def.steps.find((s) => s.key === "software-engineer")).toMatchObject({ timeframeMinMonths: 6, timeframeMaxMonths: 12 });
  });
});

describe("frameworkDefinitionSchema", () => {
  it("accepts a plain ladder (a path without branches)", () => {
    expect(messages(minimal)).toEqual([]);
  });

  it("refuses keys used twice, and references to steps or dimensions that do not exist", () => {
    expect(messages({ ...minimal, steps: [...minimal.steps, { key: "two", name: "Again" }] })).toContain('Step key "two" is used twice.');
    expect(messages({ ...minimal, transitions: [{ from: "one", to: "three" }] })).toContain('No step has the key "three".');
    expect(messages({ ...minimal, cells: [{ step: "one", dimension: "nope", summary: "x" }] })).toContain('No dimension has the key "nope".');
  });

  it("refuses a step that leads to itself, duplicate transitions and duplicate cells", () => {
    expect(messages({ ...minimal, transitions: [{ from: "one", to: "one" }] })).toContain("A step cannot lead to itself.");
    expect(messages({ ...minimal, transitions: [minimal.transitions[0], minimal.transitions[0]] })).toContain(
      "The transition one->two is listed twice.",
    );
    expect(messages({ ...minimal, cells: [minimal.cells[0], minimal.cells[0]] })).toContain("The cell one/craft is listed twice.");
  });

  it("refuses a path that loops back on itself", () => {
    const looped = { ...minimal, transitions: [{ from: "one", to: "two" }, { from: "two", to: "one" }] };
    expect(messages(looped)).toContain("The path loops back on itself: one → two → one.");
  });

  it("refuses malformed keys, over-long text and inverted timeframes", () => {
    expect(messages({ ...minimal, key: "Not A Key" }).length).toBeGreaterThan(0);
    expect(messages({ ...minimal, name: "x".repeat(121) }).length).toBeGreaterThan(0);
    expect(messages({ ...minimal, steps: [{ key: "one", name: "One", timeframeMinMonths: 24, timeframeMaxMonths: 12 }] })).toContain(
      "The shortest expected time cannot be longer than the longest.",
    );
  });
});
