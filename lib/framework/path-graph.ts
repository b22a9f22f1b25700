/**
 * The career path as a directed graph of steps. Pure functions: no database, no React.
 */

export type GraphStep = { id: string };
export type GraphTransition = { fromStepId: string; toStepId: string; label: string };

/** Steps reachable in one move from `stepId`, in the order the steps are listed. */
export function nextSteps<S extends GraphStep>(steps: S[], transitions: GraphTransition[], stepId: string): { step: S; label: string }[] {
  const order = new Map(steps.map((s, i) => [s.id, i]));
  return transitions
    .filter((t) => t.fromStepId === stepId && order.has(t.toStepId))
    .sort((a, b) => order.get(a.toStepId)! - order.get(b.toStepId)!)
    .map((t) => ({ step: steps[order.get(t.toStepId)!]!, label: t.label }));
}

/** Steps that lead into `stepId` in one move, in list order. */
export function previousSteps<S extends GraphStep>(steps: S[], transitions: GraphTransition[], stepId: string): S[] {
  const order = new Map(steps.map((s, i) => [s.id, i]));
  return transitions
    .filter((t) => t.toStepId === stepId && order.has(t.fromStepId))
    .map((t) => order.get(t.fromStepId)!)
    .sort((a, b) => a - b)
    .map((i) => steps[i]!);
}

/** A cycle as a list of step ids (first repeated at the end), or null when the graph has none. */
export function findCycle(stepIds: string[], transitions: Pick<GraphTransition, "fromStepId" | "toStepId">[]): string[] | null {
  const out = new Map<string, string[]>(stepIds.map((id) => [id, []]));
  for (const t of transitions) out.get(t.fromStepId)?.push(t.toStepId);
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, "open");
    trail.push(id);
    for (const next of out.get(id) ?? []) {
      const s = state.get(next);
      if (s === "open") return [...trail.slice(trail.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    trail.pop();
    state.set(id, "done");
    return null;
  };

  for (const id of stepIds) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

/** Whether a step has more than one way forward: where the path forks. */
export function isFork(transitions: GraphTransition[], stepId: string): boolean {
  return transitions.filter((t) => t.fromStepId === stepId).length > 1;
}

/**
 * Lanes for drawing the path beside a list of steps, one row per step (as a version-control
 * history graph is drawn). Each row says which lane its step sits in, which lines enter it from
 * above, which leave it below, and which pass by. A path that forks shows as lines that leave the
 * main lane; where branches meet again, lines rejoin.
 *
 * Rows follow the order of `steps`; a transition that points back up the list (against that
 * order) is not drawn.
 */
export type RailRow = {
  stepId: string;
  lane: number;
  /** Lanes whose lines arrive at this step from the row above. */
  incoming: number[];
  /** Lanes the lines leaving this step head for, towards the row below. */
  outgoing: number[];
  /** Lanes with a line passing this row untouched. */
  through: number[];
  /** Lanes in use across the whole rail (the same for every row). */
  laneCount: number;
};

export function layoutRail(steps: GraphStep[], transitions: GraphTransition[]): RailRow[] {
  const row = new Map(steps.map((s, i) => [s.id, i]));
  const targetsOf = (id: string) =>
    transitions
      .filter((t) => t.fromStepId === id && (row.get(t.toStepId) ?? -1) > row.get(id)!)
      .map((t) => t.toStepId)
      // The edge that reaches furthest keeps the step's lane, so the long path stays straight and
      // short detours step aside.
      .sort((a, b) => row.get(b)! - row.get(a)!);

  // Each lane carries the id of the step its line is heading for, or null when free.
  const lanes: (string | null)[] = [];
  const rows: Omit<RailRow, "laneCount">[] = [];
  const freeLane = () => {
    const i = lanes.indexOf(null);
    return i === -1 ? lanes.push(null) - 1 : i;
  };

  for (const step of steps) {
    const incoming = lanes.flatMap((target, i) => (target === step.id ? [i] : []));
    const lane = incoming.length > 0 ? Math.min(...incoming) : freeLane();
    for (const i of incoming) lanes[i] = null;
    const through = lanes.flatMap((target, i) => (target !== null ? [i] : []));

    const outgoing: number[] = [];
    for (const target of targetsOf(step.id)) {
      const existing = lanes.indexOf(target);
      if (existing !== -1 && !(lanes[lane] === null && lane < existing)) {
        // Join the line already heading there. When that line runs to the right of this step,
        // keep to this step's own lane instead: the branches meet at the target, and the path
        // after a fork that rejoins stays in the main lane rather than drifting aside.
        outgoing.push(existing);
      } else {
        const i = lanes[lane] === null ? lane : freeLane();
        lanes[i] = target;
        outgoing.push(i);
      }
    }
    rows.push({ stepId: step.id, lane, incoming, outgoing: [...new Set(outgoing)].sort((a, b) => a - b), through });
    while (lanes.length > 0 && lanes[lanes.length - 1] === null) lanes.pop();
  }

  const laneCount = Math.max(1, ...rows.flatMap((r) => [r.lane, ...r.incoming, ...r.outgoing, ...r.through].map((l) => l + 1)));
  return rows.map((r) => ({ ...r, laneCount }));
}

/**
 * Positions for a compact map of the whole path: columns count moves from the first step (the
 * fewest needed), rows reuse the rail's lanes, so steps that branch from one another sit in the
 * same column one above the other and the fork reads at a glance.
 */
export type OverviewNode = { stepId: string; column: number; row: number };

/**
 * How an arrow of the map runs: straight along a row, a short hop up or down within a column, or
 * along its row, down or up in the gap just left of column `gap`, and into the next step from its
 * side; "back" for the rare transition to an earlier column.
 */
export type OverviewEdge = { fromStepId: string; toStepId: string } & ({ kind: "straight" | "hop" | "back" } | { kind: "elbow"; gap: number });

export function layoutOverview(
  steps: GraphStep[],
  transitions: GraphTransition[],
): { nodes: OverviewNode[]; edges: OverviewEdge[]; columns: number; rows: number } {
  const depth = new Map<string, number>();
  const incoming = new Set(transitions.map((t) => t.toStepId));
  const queue = steps.filter((s) => !incoming.has(s.id)).map((s) => s.id);
  // A graph in which every step has a way in (a cycle) still needs a start: the first step.
  if (queue.length === 0 && steps[0]) queue.push(steps[0].id);
  for (const id of queue) depth.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const t of transitions) {
      if (t.fromStepId === id && !depth.has(t.toStepId)) {
        depth.set(t.toStepId, depth.get(id)! + 1);
        queue.push(t.toStepId);
      }
    }
  }
  const rail = new Map(layoutRail(steps, transitions).map((r) => [r.stepId, r.lane]));
  const taken = new Set<string>();
  let lastColumn = -1;
  const nodes = steps.map((s) => {
    // Steps no path reaches go after the rest, so that nothing is hidden.
    const column = depth.get(s.id) ?? lastColumn + 1;
    lastColumn = Math.max(lastColumn, column);
    let row = rail.get(s.id) ?? 0;
    while (taken.has(`${column}:${row}`)) row++;
    taken.add(`${column}:${row}`);
    return { stepId: s.id, column, row };
  });
  return {
    nodes,
    edges: routeOverviewEdges(nodes, transitions),
    columns: Math.max(0, ...nodes.map((n) => n.column)) + 1,
    rows: Math.max(0, ...nodes.map((n) => n.row)) + 1,
  };
}

/**
 * Routes each arrow so that it crosses no other step: a change of row turns in the gap just before
 * the step it reaches, never through a column where another step may sit (with two ladders side by
 * side, one above the other, there always is one). Columns count the fewest moves, so a forward
 * arrow never skips a column.
 */
function routeOverviewEdges(nodes: OverviewNode[], transitions: GraphTransition[]): OverviewEdge[] {
  const at = new Map(nodes.map((n) => [n.stepId, n]));
  return transitions.flatMap((t): OverviewEdge[] => {
    const a = at.get(t.fromStepId);
    const b = at.get(t.toStepId);
    if (!a || !b) return [];
    const ends = { fromStepId: t.fromStepId, toStepId: t.toStepId };
    if (b.column < a.column) return [{ ...ends, kind: "back" }];
    if (a.column === b.column) return [{ ...ends, kind: "hop" }];
    if (a.row === b.row) return [{ ...ends, kind: "straight" }];
    return [{ ...ends, kind: "elbow", gap: b.column }];
  });
}

export type StepComparison =
  | { kind: "same" }
  | { kind: "ahead"; by: number }
  | { kind: "behind"; by: number }
  | { kind: "apart" }
  | { kind: "missing" };

/** Fewest transitions from one step to another along the path, or null when it cannot be reached. */
export function stepsBetween(transitions: Pick<GraphTransition, "fromStepId" | "toStepId">[], from: string, to: string): number | null {
  const seen = new Set([from]);
  let frontier = [from];
  for (let distance = 0; frontier.length > 0; distance++) {
    if (frontier.includes(to)) return distance;
    const next: string[] = [];
    for (const id of frontier) {
      for (const t of transitions) {
        if (t.fromStepId === id && !seen.has(t.toStepId)) {
          seen.add(t.toStepId);
          next.push(t.toStepId);
        }
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * Where step `a` stands against step `b` on the path: the same step, further on ("ahead") or
 * earlier ("behind") by a number of steps, or on branches that neither leads to ("apart").
 */
export function compareSteps(transitions: Pick<GraphTransition, "fromStepId" | "toStepId">[], a: string | null, b: string | null): StepComparison {
  if (!a || !b) return { kind: "missing" };
  if (a === b) return { kind: "same" };
  const forward = stepsBetween(transitions, b, a);
  if (forward !== null) return { kind: "ahead", by: forward };
  const backward = stepsBetween(transitions, a, b);
  if (backward !== null) return { kind: "behind", by: backward };
  return { kind: "apart" };
}
