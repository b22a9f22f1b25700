import { describe, expect, it } from "vitest";
import { compareSteps, findCycle, isFork, layoutOverview, layoutRail, nextSteps, previousSteps, stepsBetween } from "./path-graph";

const step = (id: string) => ({ id });
const edge = (fromStepId: string, toStepId: string, label = "") => ({ fromStepId, toStepId, label });

// The default path's shape: a spine that forks after senior, with the deeper branch rejoining at staff.
const buffer = {
  steps: ["se1", "se2", "se3", "senior", "senior2", "staff", "principal", "distinction"].map(step),
  transitions: [
    edge("se1", "se2"),
    edge("se2", "se3"),
    edge("se3", "senior"),
    edge("senior", "senior2", "Deeper in one team"),
    edge("senior", "staff", "Broader across teams"),
    edge("senior2", "staff", "Broader across teams"),
    edge("staff", "principal"),
    edge("principal", "distinction"),
  ],
};

// A management framework's shape: two ladders from one first step (with a switch from the technical
// ladder to the people ladder) that meet again at director, a fork after director that rejoins at
// VP, and a shortcut past SVP.
const ladders = {
  steps: ["lead", "tl", "em", "stl", "sem", "stafftl", "gem", "ptl", "director", "sd", "dot", "vp", "svp", "cto"].map(step),
  transitions: [
    edge("lead", "tl", "technical"),
    edge("lead", "em", "people"),
    edge("tl", "em", "switching"),
    edge("tl", "stl"),
    edge("em", "sem"),
    edge("stl", "stafftl"),
    edge("sem", "gem"),
    edge("stafftl", "ptl"),
    edge("gem", "director"),
    edge("ptl", "director"),
    edge("director", "sd"),
    edge("director", "dot"),
    edge("sd", "vp"),
    edge("dot", "vp"),
    edge("vp", "svp"),
    edge("vp", "cto"),
    edge("svp", "cto"),
  ],
};

describe("nextSteps and previousSteps", () => {
  it("lists the branches from a fork in step order, with their labels", () => {
    const next = nextSteps(buffer.steps, buffer.transitions, "senior");
    expect(next.map((n) => [n.step.id, n.label])).toEqual([
      ["senior2", "Deeper in one team"],
      ["staff", "Broader across teams"],
    ]);
  });

  it("has no next step at the end of the path", () => {
    expect(nextSteps(buffer.steps, buffer.transitions, "distinction")).toEqual([]);
  });

  it("finds every way into a step where branches rejoin", () => {
    expect(previousSteps(buffer.steps, buffer.transitions, "staff").map((s) => s.id)).toEqual(["senior", "senior2"]);
  });

  it("ignores transitions to steps that are not in the list", () => {
    expect(nextSteps([step("a")], [edge("a", "ghost")], "a")).toEqual([]);
  });
});

describe("isFork", () => {
  it("is true only where more than one way leads on", () => {
    expect(isFork(buffer.transitions, "senior")).toBe(true);
    expect(isFork(buffer.transitions, "senior2")).toBe(false);
    expect(isFork(buffer.transitions, "se1")).toBe(false);
  });
});

describe("findCycle", () => {
  it("finds none in the default path", () => {
    expect(findCycle(buffer.steps.map((s) => s.id), buffer.transitions)).toBeNull();
  });

  it("returns the steps of a cycle, closed on its first step", () => {
    const cycle = findCycle(["a", "b", "c"], [edge("a", "b"), edge("b", "c"), edge("c", "a")]);
    expect(cycle).toEqual(["a", "b", "c", "a"]);
  });

  it("finds a cycle that is not reachable from the first step", () => {
    expect(findCycle(["a", "b", "c"], [edge("b", "c"), edge("c", "b")])).toEqual(["b", "c", "b"]);
  });
});

describe("layoutRail", () => {
  it("draws a ladder as one straight lane", () => {
    const rows = layoutRail([step("a"), step("b"), step("c")], [edge("a", "b"), edge("b", "c")]);
    expect(rows.map((r) => r.lane)).toEqual([0, 0, 0]);
    expect(rows.every((r) => r.laneCount === 1)).toBe(true);
    expect(rows[0]).toMatchObject({ incoming: [], outgoing: [0] });
    expect(rows[2]).toMatchObject({ incoming: [0], outgoing: [] });
  });

  it("keeps the long path straight and moves the short detour aside, then rejoins it", () => {
    const rows = new Map(layoutRail(buffer.steps, buffer.transitions).map((r) => [r.stepId, r]));
    expect(rows.get("senior")).toMatchObject({ lane: 0, outgoing: [0, 1], through: [] });
    // The deeper branch sits in its own lane while the broader path passes it by...
    expect(rows.get("senior2")).toMatchObject({ lane: 1, incoming: [1], through: [0], outgoing: [0] });
    // ...and both arrive at staff in the main lane.
    expect(rows.get("staff")).toMatchObject({ lane: 0, incoming: [0] });
    expect(rows.get("distinction")!.laneCount).toBe(2);
  });

  it("gives two separate paths their own lanes", () => {
    const rows = layoutRail([step("a"), step("b"), step("c"), step("d")], [edge("a", "c"), edge("b", "d")]);
    expect(rows.map((r) => r.lane)).toEqual([0, 1, 0, 1]);
    expect(rows[1]!.through).toEqual([0]);
  });

  it("draws two parallel ladders side by side, each in its own lane, until they meet again", () => {
    const rows = new Map(layoutRail(ladders.steps, ladders.transitions).map((r) => [r.stepId, r]));
    const lane = (id: string) => rows.get(id)!.lane;
    expect(["em", "sem", "gem"].map(lane)).toEqual([0, 0, 0]);
    expect(["tl", "stl", "stafftl", "ptl"].map(lane)).toEqual([1, 1, 1, 1]);
    // While one ladder has a step, the other's line passes by in its own lane.
    expect(rows.get("stl")).toMatchObject({ through: [0], outgoing: [1] });
    expect(rows.get("sem")).toMatchObject({ through: [1], outgoing: [0] });
    // The switch from the technical ladder joins the people ladder's line on its way to em.
    expect(rows.get("tl")).toMatchObject({ incoming: [1], through: [0], outgoing: [0, 1] });
    // The technical ladder's last step turns into the main lane, which arrives at director.
    expect(rows.get("ptl")).toMatchObject({ through: [0], outgoing: [0] });
    expect(rows.get("director")).toMatchObject({ lane: 0, incoming: [0], through: [], outgoing: [0, 1] });
  });

  it("brings a fork that rejoins back to the main lane, so the path after it does not drift aside", () => {
    const rows = new Map(layoutRail(ladders.steps, ladders.transitions).map((r) => [r.stepId, r]));
    expect(rows.get("sd")).toMatchObject({ lane: 1, through: [0], outgoing: [1] });
    // dot reaches vp in its own lane instead of crossing to the other branch's line...
    expect(rows.get("dot")).toMatchObject({ lane: 0, through: [1], outgoing: [0] });
    // ...so both branches arrive at vp, which stays in the main lane, as does what follows.
    expect(rows.get("vp")).toMatchObject({ lane: 0, incoming: [0, 1], through: [] });
    expect(rows.get("svp")).toMatchObject({ lane: 1, through: [0], outgoing: [0] });
    expect(rows.get("cto")).toMatchObject({ lane: 0, incoming: [0] });
  });

  it("never puts a step's dot on a line that passes by, and uses two lanes for two ladders", () => {
    const rows = layoutRail(ladders.steps, ladders.transitions);
    for (const r of rows) {
      expect(r.through).not.toContain(r.lane);
      expect(r.incoming.every((l) => !r.through.includes(l))).toBe(true);
    }
    expect(rows[0]!.laneCount).toBe(2);
  });

  it("does not draw a transition that points back up the list", () => {
    const rows = layoutRail([step("a"), step("b")], [edge("a", "b"), edge("b", "a")]);
    expect(rows[1]!.outgoing).toEqual([]);
  });
});

describe("layoutOverview", () => {
  it("puts the two branches of a fork in the same column, one above the other", () => {
    const { nodes, columns, rows } = layoutOverview(buffer.steps, buffer.transitions);
    const at = new Map(nodes.map((n) => [n.stepId, n]));
    expect(at.get("senior")).toMatchObject({ column: 3, row: 0 });
    expect(at.get("staff")).toMatchObject({ column: 4, row: 0 });
    expect(at.get("senior2")).toMatchObject({ column: 4, row: 1 });
    expect(at.get("distinction")).toMatchObject({ column: 6, row: 0 });
    expect([columns, rows]).toEqual([7, 2]);
  });

  it("turns the arrows that change row in a gap between columns, never through another step", () => {
    const { nodes, edges } = layoutOverview(ladders.steps, ladders.transitions);
    const at = new Map(nodes.map((n) => [n.stepId, n]));
    // The two ladders sit one above the other, column by column, and meet at director.
    expect(["em", "sem", "gem", "director"].map((id) => at.get(id)!.row)).toEqual([0, 0, 0, 0]);
    expect(["tl", "stl", "stafftl", "ptl"].map((id) => at.get(id)!.row)).toEqual([1, 1, 1, 1]);
    const route = (from: string, to: string) => edges.find((e) => e.fromStepId === from && e.toStepId === to);
    // director's arrow to the lower branch turns in the gap before it, not down through ptl below director.
    expect(at.get("ptl")!.column).toBe(at.get("director")!.column);
    expect(route("director", "sd")).toEqual({ fromStepId: "director", toStepId: "sd", kind: "elbow", gap: at.get("sd")!.column });
    expect(route("sd", "vp")).toMatchObject({ kind: "elbow", gap: at.get("vp")!.column });
    expect(route("ptl", "director")).toMatchObject({ kind: "hop" });
    expect(route("dot", "vp")).toMatchObject({ kind: "straight" });
    expect(edges).toHaveLength(ladders.transitions.length);
  });

  it("never puts two steps on the same spot", () => {
    const steps = ["a", "b", "c", "d"].map(step);
    const { nodes } = layoutOverview(steps, [edge("a", "b"), edge("a", "c"), edge("a", "d")]);
    const spots = nodes.map((n) => `${n.column}:${n.row}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it("still places steps that no path reaches, and graphs that are all cycle", () => {
    expect(layoutOverview([step("a"), step("b")], []).nodes).toHaveLength(2);
    const cyclic = layoutOverview([step("a"), step("b")], [edge("a", "b"), edge("b", "a")]);
    expect(cyclic.nodes.map((n) => n.column)).toEqual([0, 1]);
  });
});

describe("compareSteps", () => {
  it("counts steps along the shortest way, through either branch of a fork", () => {
    expect(stepsBetween(buffer.transitions, "se1", "principal")).toBe(5);
    expect(stepsBetween(buffer.transitions, "senior", "staff")).toBe(1);
    expect(stepsBetween(buffer.transitions, "staff", "senior")).toBeNull();
  });

  it("says which pick is further on, by how much, and when they are the same", () => {
    expect(compareSteps(buffer.transitions, "staff", "senior")).toEqual({ kind: "ahead", by: 1 });
    expect(compareSteps(buffer.transitions, "se2", "senior2")).toEqual({ kind: "behind", by: 3 });
    expect(compareSteps(buffer.transitions, "se3", "se3")).toEqual({ kind: "same" });
    expect(compareSteps(buffer.transitions, null, "se3")).toEqual({ kind: "missing" });
  });

  it("calls branches that never meet apart", () => {
    const split = [edge("senior", "staff"), edge("senior", "manager"), edge("manager", "director")];
    expect(compareSteps(split, "staff", "director")).toEqual({ kind: "apart" });
    expect(compareSteps(split, "director", "senior")).toEqual({ kind: "ahead", by: 2 });
  });
});
