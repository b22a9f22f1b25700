import { describe, expect, it } from "vitest";
import { defaultFramework } from "@/db/seed/default-framework";
import type { FrameworkDefinition } from "./definition";
import { PATH_LIMITS, pathProblems } from "./validate";

const step = (key: string, name = key.toUpperCase()) => ({ key, name });
const ladder = (keys: string[]): FrameworkDefinition => ({
  key: "ladder",
  name: "Ladder",
  dimensions: [{ key: "craft", name: "Craft" }],
  steps: keys.map((k) => step(k)),
  transitions: keys.slice(1).map((to, i) => ({ from: keys[i]!, to })),
  cells: [],
});
const messages = (def: FrameworkDefinition) => pathProblems(def).map((p) => p.message);

describe("pathProblems", () => {
  it("finds nothing wrong with the default framework", () => {
    expect(pathProblems(defaultFramework)).toEqual([]);
  });

  it("accepts a ragged matrix: a dimension may start at a later step", () => {
    const def = ladder(["one", "two", "three"]);
    def.dimensions.push({ key: "leading", name: "Leading" });
    def.cells = [
      { step: "one", dimension: "craft", summary: "Does the work." },
      { step: "three", dimension: "leading", summary: "Leads a team." },
    ];
    expect(pathProblems(def)).toEqual([]);
  });

  it("accepts a fork that rejoins and two ladders that meet again", () => {
    const fork = ladder(["one", "two"]);
    fork.steps.push(step("deep"), step("broad"), step("staff"));
    fork.transitions.push({ from: "two", to: "deep" }, { from: "two", to: "broad" }, { from: "deep", to: "staff" }, { from: "broad", to: "staff" });
    expect(pathProblems(fork)).toEqual([]);

    // An IC ladder and a manager ladder with their own first steps, meeting at director.
    const ladders = ladder(["ic-1", "ic-2", "director"]);
    ladders.steps.push(step("em-1"), step("em-2"));
    ladders.transitions.push({ from: "em-1", to: "em-2" }, { from: "em-2", to: "director" });
    expect(pathProblems(ladders)).toEqual([]);
  });

  it("names the steps of a cycle and points at a transition in it", () => {
    const def = ladder(["one", "two", "three"]);
    def.transitions.push({ from: "three", to: "two" });
    const problems = pathProblems(def);
    expect(problems).toContainEqual({
      path: ["transitions", 1],
      where: "The path",
      message: "The path loops back on itself: “TWO” → “THREE” → “TWO”. Remove one of these transitions.",
    });
    // The loop is reached from "one", so nothing is unreachable.
    expect(problems).toHaveLength(1);
  });

  it("refuses a path with no start, and steps that only a loop leads into", () => {
    const closed = ladder(["one", "two"]);
    closed.transitions.push({ from: "two", to: "one" });
    expect(messages(closed)).toContain(
      "Every step has a transition leading into it, so the path has no start: at least one step must have none.",
    );

    const island = ladder(["one", "two"]);
    island.steps.push(step("three"), step("four"));
    island.transitions.push({ from: "three", to: "four" }, { from: "four", to: "three" });
    const problems = pathProblems(island);
    expect(problems.filter((p) => p.message.startsWith("No path leads here"))).toEqual([
      { path: ["steps", 2], where: "Step “THREE”", message: "No path leads here from a first step (“ONE”); only a loop of steps leads into it." },
      { path: ["steps", 3], where: "Step “FOUR”", message: "No path leads here from a first step (“ONE”); only a loop of steps leads into it." },
    ]);
  });

  it("refuses repeated keys, and names repeated in any case, for steps and dimensions", () => {
    const def = ladder(["one", "two"]);
    def.steps.push({ key: "one", name: "Another" }, { key: "three", name: "two" });
    def.dimensions.push({ key: "craft", name: "Other" }, { key: "people", name: "CRAFT" });
    expect(pathProblems(def)).toEqual(
      expect.arrayContaining([
        { path: ["steps", 2, "key"], where: "Step “Another”", message: "Another step already has the key “one”." },
        { path: ["steps", 3, "name"], where: "Step “two”", message: "Another step is already called “TWO”." },
        { path: ["dimensions", 1, "key"], where: "Dimension “Other”", message: "Another dimension already has the key “craft”." },
        { path: ["dimensions", 2, "name"], where: "Dimension “CRAFT”", message: "Another dimension is already called “Craft”." },
      ]),
    );
  });

  it("refuses empty names and keys, and says which item by its key or place", () => {
    const def = ladder(["one"]);
    def.steps.push({ key: "two", name: "  " }, { key: "", name: "" });
    def.transitions.push({ from: "one", to: "two" });
    def.dimensions[0]!.name = "";
    expect(pathProblems(def)).toEqual(
      expect.arrayContaining([
        { path: ["steps", 1, "name"], where: "Step “two”", message: "A step needs a name." },
        { path: ["steps", 2, "key"], where: "Step 3", message: "A step needs a key." },
        { path: ["steps", 2, "name"], where: "Step 3", message: "A step needs a name." },
        { path: ["dimensions", 0, "name"], where: "Dimension “craft”", message: "A dimension needs a name." },
      ]),
    );
  });

  it("refuses transitions to missing steps, to the same step, and listed twice", () => {
    const def = ladder(["one", "two"]);
    def.transitions.push({ from: "two", to: "gone" }, { from: "two", to: "two" }, { from: "one", to: "two" });
    expect(pathProblems(def)).toEqual([
      { path: ["transitions", 1, "to"], where: "Transition “TWO” → “gone”", message: "No step has the key “gone”." },
      { path: ["transitions", 2], where: "Transition “TWO” → “TWO”", message: "A step cannot lead to itself." },
      { path: ["transitions", 3], where: "Transition “ONE” → “TWO”", message: "This transition is listed twice." },
    ]);
  });

  it("refuses cells on missing steps or dimensions, repeated cells and cells over the size limit", () => {
    const def = ladder(["one"]);
    const long = "x".repeat(1000);
    def.cells = [
      { step: "one", dimension: "craft", summary: "Fine." },
      { step: "one", dimension: "craft", summary: "Again." },
      { step: "gone", dimension: "nowhere", summary: "Lost." },
      { step: "one", dimension: "craft", summary: long, expectations: [{ text: long, examples: [long, long, "y"] }] },
    ];
    expect(pathProblems(def)).toEqual([
      { path: ["cells", 1], where: "Cell “ONE” × “Craft”", message: "This cell is listed twice." },
      { path: ["cells", 2, "step"], where: "Cell “gone” × “nowhere”", message: "No step has the key “gone”." },
      { path: ["cells", 2, "dimension"], where: "Cell “gone” × “nowhere”", message: "No dimension has the key “nowhere”." },
      { path: ["cells", 3], where: "Cell “ONE” × “Craft”", message: "This cell is listed twice." },
      {
        path: ["cells", 3],
        where: "Cell “ONE” × “Craft”",
        message: "A cell holds at most 4,000 characters across its summary, expectations and examples; this one has 4,001.",
      },
    ]);
  });

  it("refuses a shortest expected time longer than the longest", () => {
    const def = ladder(["one"]);
    def.steps[0] = { ...def.steps[0]!, timeframeMinMonths: 24, timeframeMaxMonths: 12 };
    expect(pathProblems(def)).toEqual([
      { path: ["steps", 0, "timeframeMaxMonths"], where: "Step “ONE”", message: "The shortest expected time (24 months) is longer than the longest (12 months)." },
    ]);
  });

  it("bounds the number of steps and dimensions, and needs at least one of each", () => {
    const big = ladder(Array.from({ length: PATH_LIMITS.steps + 1 }, (_, i) => `s${i}`));
    big.dimensions = Array.from({ length: PATH_LIMITS.dimensions + 1 }, (_, i) => ({ key: `d${i}`, name: `D${i}` }));
    expect(messages(big)).toEqual([
      "A version has at most 60 steps; this one has 61.",
      "A version has at most 30 dimensions; this one has 31.",
    ]);
    expect(messages({ ...ladder([]), dimensions: [] })).toEqual(["A version needs at least one step.", "A version needs at least one dimension."]);
  });

  it("accepts a full 60 × 30 version with long cells and many paths", () => {
    const def = ladder(Array.from({ length: PATH_LIMITS.steps }, (_, i) => `s${i}`));
    def.dimensions = Array.from({ length: PATH_LIMITS.dimensions }, (_, i) => ({ key: `d${i}`, name: `D${i}` }));
    // Every other step forks to the one after next, so the graph has many paths.
    def.transitions.push(...def.steps.slice(0, -2).map((s, i) => ({ from: s.key, to: `s${i + 2}` })));
    def.cells = def.steps.flatMap((s) =>
      def.dimensions.map((d) => ({
        step: s.key,
        dimension: d.key,
        summary: "word ".repeat(100),
        expectations: Array.from({ length: 5 }, () => ({ text: "expectation ".repeat(30), examples: ["example ".repeat(20)] })),
      })),
    );
    expect(pathProblems(def)).toEqual([]);
  });
});
