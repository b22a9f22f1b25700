import { findCycle } from "./path-graph";

/**
 * The rules a framework version must keep before it is published: keys and names unique, a path
 * that starts somewhere and reaches every step without looping, and sizes a page can show. Pure:
 * it runs on every edit of a draft and on every import, and takes a definition that has not
 * necessarily passed `frameworkDefinitionSchema` (a draft being edited may break it).
 */

export const PATH_LIMITS = { steps: 60, dimensions: 30, cellCharacters: 4000 } as const;

export type PathProblem = {
  /** Where the problem sits in the definition, as a JSON path (e.g. ["steps", 3, "name"]). */
  path: (string | number)[];
  /** The place in words, e.g. "Step “Staff Engineer”". */
  where: string;
  message: string;
};

/** The parts of a definition the rules read; a parsed or an unparsed definition both fit. */
export type CheckedDefinition = {
  dimensions: readonly { key: string; name: string }[];
  steps: readonly { key: string; name: string; timeframeMinMonths?: number | null; timeframeMaxMonths?: number | null }[];
  transitions: readonly { from: string; to: string }[];
  cells: readonly {
    step: string;
    dimension: string;
    summary: string;
    expectations?: readonly { text: string; examples?: readonly string[] }[];
  }[];
};

const quoted = (text: string) => `“${text}”`;

/** A cell's length: its summary, expectations and examples together. */
export function cellCharacters(cell: CheckedDefinition["cells"][number]): number {
  let total = cell.summary.length;
  for (const e of cell.expectations ?? []) {
    total += e.text.length;
    for (const example of e.examples ?? []) total += example.length;
  }
  return total;
}

export function pathProblems(def: CheckedDefinition): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (path: PathProblem["path"], where: string, message: string) => problems.push({ path, where, message });

  const stepLabel = (s: { key: string; name: string }, i: number) =>
    `Step ${s.name.trim() ? quoted(s.name.trim()) : s.key ? quoted(s.key) : i + 1}`;
  const dimensionLabel = (d: { key: string; name: string }, i: number) =>
    `Dimension ${d.name.trim() ? quoted(d.name.trim()) : d.key ? quoted(d.key) : i + 1}`;

  checkUnique(def.steps, "steps", "step", stepLabel, add);
  checkUnique(def.dimensions, "dimensions", "dimension", dimensionLabel, add);

  if (def.steps.length === 0) add(["steps"], "Steps", "A version needs at least one step.");
  if (def.steps.length > PATH_LIMITS.steps)
    add(["steps"], "Steps", `A version has at most ${PATH_LIMITS.steps} steps; this one has ${def.steps.length}.`);
  if (def.dimensions.length === 0) add(["dimensions"], "Dimensions", "A version needs at least one dimension.");
  if (def.dimensions.length > PATH_LIMITS.dimensions)
    add(["dimensions"], "Dimensions", `A version has at most ${PATH_LIMITS.dimensions} dimensions; this one has ${def.dimensions.length}.`);

  def.steps.forEach((s, i) => {
    const min = s.timeframeMinMonths ?? null;
    const max = s.timeframeMaxMonths ?? null;
    if (min !== null && max !== null && min > max)
      add(["steps", i, "timeframeMaxMonths"], stepLabel(s, i), `The shortest expected time (${min} months) is longer than the longest (${max} months).`);
  });

  // Names by key, for messages; the first step with a key names it when keys repeat.
  const stepName = new Map<string, string>();
  def.steps.forEach((s, i) => {
    if (!stepName.has(s.key)) stepName.set(s.key, stepLabel(s, i).slice("Step ".length));
  });
  const dimensionName = new Map<string, string>();
  def.dimensions.forEach((d, i) => {
    if (!dimensionName.has(d.key)) dimensionName.set(d.key, dimensionLabel(d, i).slice("Dimension ".length));
  });
  const nameOfStep = (key: string) => stepName.get(key) ?? quoted(key);

  // Transitions: only well-formed ones (both ends exist, not a loop, not repeated) shape the graph.
  const edges: { from: string; to: string; index: number }[] = [];
  const seenEdges = new Set<string>();
  def.transitions.forEach((t, i) => {
    const where = `Transition ${nameOfStep(t.from)} → ${nameOfStep(t.to)}`;
    let ok = true;
    for (const end of ["from", "to"] as const) {
      if (!stepName.has(t[end])) {
        add(["transitions", i, end], where, `No step has the key ${quoted(t[end])}.`);
        ok = false;
      }
    }
    if (t.from === t.to) {
      add(["transitions", i], where, "A step cannot lead to itself.");
      ok = false;
    }
    const edge = `${t.from}\u0000${t.to}`;
    if (seenEdges.has(edge)) {
      add(["transitions", i], where, "This transition is listed twice.");
      ok = false;
    }
    seenEdges.add(edge);
    if (ok) edges.push({ from: t.from, to: t.to, index: i });
  });

  const stepKeys = [...stepName.keys()];
  const cycle = findCycle(
    stepKeys,
    edges.map((e) => ({ fromStepId: e.from, toStepId: e.to })),
  );
  if (cycle) {
    const first = edges.find((e) => e.from === cycle[0] && e.to === cycle[1]);
    add(
      first ? ["transitions", first.index] : ["transitions"],
      "The path",
      `The path loops back on itself: ${cycle.map(nameOfStep).join(" → ")}. Remove one of these transitions.`,
    );
  }

  if (stepKeys.length > 0) {
    const hasWayIn = new Set(edges.map((e) => e.to));
    const entries = stepKeys.filter((k) => !hasWayIn.has(k));
    if (entries.length === 0) {
      add(["transitions"], "The path", "Every step has a transition leading into it, so the path has no start: at least one step must have none.");
    } else {
      const out = new Map<string, string[]>(stepKeys.map((k) => [k, []]));
      for (const e of edges) out.get(e.from)!.push(e.to);
      const reached = new Set(entries);
      const queue = [...entries];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const to of out.get(next)!) {
          if (!reached.has(to)) {
            reached.add(to);
            queue.push(to);
          }
        }
      }
      const seen = new Set<string>();
      def.steps.forEach((s, i) => {
        if (reached.has(s.key) || seen.has(s.key)) return;
        seen.add(s.key);
        add(["steps", i], stepLabel(s, i), `No path leads here from a first step (${entries.map(nameOfStep).join(", ")}); only a loop of steps leads into it.`);
      });
    }
  }

  const seenCells = new Set<string>();
  def.cells.forEach((c, i) => {
    const where = `Cell ${nameOfStep(c.step)} × ${dimensionName.get(c.dimension) ?? quoted(c.dimension)}`;
    if (!stepName.has(c.step)) add(["cells", i, "step"], where, `No step has the key ${quoted(c.step)}.`);
    if (!dimensionName.has(c.dimension)) add(["cells", i, "dimension"], where, `No dimension has the key ${quoted(c.dimension)}.`);
    const cell = `${c.step}\u0000${c.dimension}`;
    if (seenCells.has(cell)) add(["cells", i], where, "This cell is listed twice.");
    seenCells.add(cell);
    const length = cellCharacters(c);
    if (length > PATH_LIMITS.cellCharacters)
      add(
        ["cells", i],
        where,
        `A cell holds at most ${PATH_LIMITS.cellCharacters.toLocaleString("en-GB")} characters across its summary, expectations and examples; this one has ${length.toLocaleString("en-GB")}.`,
      );
  });

  return problems;
}

function checkUnique<T extends { key: string; name: string }>(
  items: readonly T[],
  collection: "steps" | "dimensions",
  noun: "step" | "dimension",
  label: (item: T, i: number) => string,
  add: (path: PathProblem["path"], where: string, message: string) => void,
) {
  const keys = new Set<string>();
  const names = new Map<string, string>();
  items.forEach((item, i) => {
    const where = label(item, i);
    if (!item.key.trim()) add([collection, i, "key"], where, `A ${noun} needs a key.`);
    else if (keys.has(item.key)) add([collection, i, "key"], where, `Another ${noun} already has the key ${quoted(item.key)}.`);
    keys.add(item.key);

    const name = item.name.trim();
    if (!name) {
      add([collection, i, "name"], where, `A ${noun} needs a name.`);
      return;
    }
    const folded = name.toLocaleLowerCase("en");
    const first = names.get(folded);
    if (first !== undefined) add([collection, i, "name"], where, `Another ${noun} is already called ${quoted(first)}.`);
    else names.set(folded, name);
  });
}
