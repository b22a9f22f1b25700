import { diffWords } from "diff";
import type { FrameworkDefinition } from "./definition";

/**
 * What changed between two versions of a framework. Steps, dimensions, transitions and cells are
 * matched by stable key (a transition by the keys of its two steps, a cell by its step and
 * dimension), so a step renamed in place is "renamed", not removed and added again. Pure: no
 * database, no React.
 */

export type TextPart = { kind: "same" | "inserted" | "deleted"; text: string };

type Step = { key: string; name: string; summary: string; timeframeMinMonths: number | null; timeframeMaxMonths: number | null };
type Dimension = { key: string; name: string; description: string; group: string | null };
type Transition = { from: string; to: string; label: string };
type Expectation = { text: string; examples: string[] };
type Cell = { step: string; dimension: string; summary: string; expectations: Expectation[] };

export type StepField = "summary" | "timeframe";
export type DimensionField = "description" | "group";
export type CellField = "summary" | "expectations";

/**
 * One item present in either version. `renamed` is a new name under the same key; `changed` lists
 * the other fields that differ. An item that is neither added, removed, renamed nor changed is
 * left out of the diff.
 */
export type ItemChange<T, F extends string> = {
  key: string;
  status: "added" | "removed" | "kept";
  before: T | null;
  after: T | null;
  renamed: boolean;
  changed: F[];
};

/** The word diff of the summary (description) where it changed, and the whole text of an added or removed item. */
export type StepChange = ItemChange<Step, StepField> & { summaryText: TextPart[] | null };
export type DimensionChange = ItemChange<Dimension, DimensionField> & { descriptionText: TextPart[] | null };
export type TransitionChange = ItemChange<Transition, "label"> & { fromName: string; toName: string };
export type CellChange = ItemChange<Cell, CellField> & {
  stepName: string;
  dimensionName: string;
  /** Word by word, for every cell in the diff (all inserted for an added cell, all deleted for a removed one). */
  summaryText: TextPart[];
  expectationsText: TextPart[];
};

export type ChangeCounts = { added: number; removed: number; renamed: number; changed: number };

export type VersionDiff = {
  framework: { renamed: boolean; before: string; after: string; descriptionText: TextPart[] | null };
  steps: StepChange[];
  dimensions: DimensionChange[];
  transitions: TransitionChange[];
  cells: CellChange[];
  /** Whether the steps (or dimensions) both versions share are listed in another order. */
  reordered: { steps: boolean; dimensions: boolean };
  counts: { steps: ChangeCounts; dimensions: ChangeCounts; transitions: ChangeCounts; cells: ChangeCounts };
};

/** Beyond this many word edits a text is shown as wholly replaced: two unrelated texts are not worth aligning. */
const MAX_WORD_EDITS = 1000;

/** A word-by-word diff of two texts. */
export function diffText(before: string, after: string): TextPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  if (!before) return [{ kind: "inserted", text: after }];
  if (!after) return [{ kind: "deleted", text: before }];
  const changes = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    return [
      { kind: "deleted", text: before },
      { kind: "inserted", text: after },
    ];
  }
  return changes.map((c) => ({ kind: c.added ? "inserted" : c.removed ? "deleted" : "same", text: c.value }));
}

/** A cell's expectations as text, one expectation a line, for a word diff. */
export function expectationsAsText(expectations: Expectation[]): string {
  return expectations.map((e) => (e.examples.length > 0 ? `${e.text} (for example: ${e.examples.join("; ")})` : e.text)).join("\n");
}

type Normalized = {
  key: string;
  name: string;
  description: string;
  steps: Step[];
  dimensions: Dimension[];
  transitions: Transition[];
  cells: Cell[];
};

/** Fills the defaults a parsed definition would have, so that unparsed input compares the same. */
function normalize(def: FrameworkDefinition): Normalized {
  return {
    key: def.key,
    name: def.name,
    description: def.description ?? "",
    steps: def.steps.map((s) => ({
      key: s.key,
      name: s.name,
      summary: s.summary ?? "",
      timeframeMinMonths: s.timeframeMinMonths ?? null,
      timeframeMaxMonths: s.timeframeMaxMonths ?? null,
    })),
    dimensions: def.dimensions.map((d) => ({ key: d.key, name: d.name, description: d.description ?? "", group: d.group ?? null })),
    transitions: def.transitions.map((t) => ({ from: t.from, to: t.to, label: t.label ?? "" })),
    cells: def.cells.map((c) => ({
      step: c.step,
      dimension: c.dimension,
      summary: c.summary,
      expectations: (c.expectations ?? []).map((e) => ({ text: e.text, examples: e.examples ?? [] })),
    })),
  };
}

/**
 * Pairs items of two lists by key: every item of `after` in its order, then the items only in
 * `before`, where they stood.
 */
type Pair<T> = { key: string; before: T | null; after: T | null };

function pair<T extends object>(before: T[], after: T[], keyOf: (item: T) => string): Pair<T>[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const now = new Map(after.map((item) => [keyOf(item), item]));
  const pairs: Pair<T>[] = after.map((item) => ({ key: keyOf(item), before: old.get(keyOf(item)) ?? null, after: item }));
  before.forEach((item, i) => {
    const key = keyOf(item);
    if (now.has(key)) return;
    // A removed item goes after the item that preceded it in the old order (already placed).
    const previous = i === 0 ? -1 : pairs.findIndex((p) => p.key === keyOf(before[i - 1]!));
    pairs.splice(previous + 1, 0, { key, before: item, after: null });
  });
  return pairs;
}

function compare<T extends object, F extends string>(
  pairs: Pair<T>[],
  fieldsOf: (before: T, after: T) => F[],
  nameOf?: (item: T) => string,
): ItemChange<T, F>[] {
  return pairs.flatMap(({ key, before, after }): ItemChange<T, F>[] => {
    if (!before) return [{ key, status: "added", before, after, renamed: false, changed: [] }];
    if (!after) return [{ key, status: "removed", before, after, renamed: false, changed: [] }];
    const renamed = nameOf !== undefined && nameOf(before) !== nameOf(after);
    const changed = fieldsOf(before, after);
    return renamed || changed.length > 0 ? [{ key, status: "kept", before, after, renamed, changed }] : [];
  });
}

function countsOf(changes: ItemChange<unknown, string>[]): ChangeCounts {
  return {
    added: changes.filter((c) => c.status === "added").length,
    removed: changes.filter((c) => c.status === "removed").length,
    renamed: changes.filter((c) => c.renamed).length,
    changed: changes.filter((c) => c.changed.length > 0).length,
  };
}

function sameOrder(before: string[], after: string[]): boolean {
  const shared = new Set(after);
  const kept = before.filter((k) => shared.has(k));
  const keptSet = new Set(kept);
  const afterKept = after.filter((k) => keptSet.has(k));
  return kept.every((k, i) => afterKept[i] === k);
}

/** The word diff of one text field: when it changed, or the whole text of an added or removed item; null when there is nothing to show. */
function textChange<T, F extends string>(c: ItemChange<T, F>, field: F, textOf: (item: T) => string): TextPart[] | null {
  if (c.status === "kept" && !c.changed.includes(field)) return null;
  const parts = diffText(c.before ? textOf(c.before) : "", c.after ? textOf(c.after) : "");
  return parts.length > 0 ? parts : null;
}

const sameExpectations = (a: Expectation[], b: Expectation[]) =>
  a.length === b.length && a.every((e, i) => e.text === b[i]!.text && e.examples.length === b[i]!.examples.length && e.examples.every((x, j) => x === b[i]!.examples[j]));

export function diffVersions(from: FrameworkDefinition, to: FrameworkDefinition): VersionDiff {
  const a = normalize(from);
  const b = normalize(to);

  const steps: StepChange[] = compare(pair(a.steps, b.steps, (s) => s.key), (x, y) => {
    const changed: StepField[] = [];
    if (x.summary !== y.summary) changed.push("summary");
    if (x.timeframeMinMonths !== y.timeframeMinMonths || x.timeframeMaxMonths !== y.timeframeMaxMonths) changed.push("timeframe");
    return changed;
  }, (s) => s.name).map((c) => ({ ...c, summaryText: textChange(c, "summary", (s) => s.summary) }));

  const dimensions: DimensionChange[] = compare(pair(a.dimensions, b.dimensions, (d) => d.key), (x, y) => {
    const changed: DimensionField[] = [];
    if (x.description !== y.description) changed.push("description");
    if (x.group !== y.group) changed.push("group");
    return changed;
  }, (d) => d.name).map((c) => ({ ...c, descriptionText: textChange(c, "description", (d) => d.description) }));

  // Names as the newer version calls them, falling back to the older one for what it removed.
  const stepName = new Map([...a.steps, ...b.steps].map((s) => [s.key, s.name]));
  const dimensionName = new Map([...a.dimensions, ...b.dimensions].map((d) => [d.key, d.name]));

  const transitions: TransitionChange[] = compare(
    pair(a.transitions, b.transitions, (t) => `${t.from}\u0000${t.to}`),
    (x, y): "label"[] => (x.label !== y.label ? ["label"] : []),
  ).map((c) => {
    const t = (c.after ?? c.before)!;
    return { ...c, key: `${t.from}→${t.to}`, fromName: stepName.get(t.from) ?? t.from, toName: stepName.get(t.to) ?? t.to };
  });

  // Cells in matrix order: by step, then by dimension, as the newer version lists them.
  const stepOrder = new Map(pair(a.steps, b.steps, (s) => s.key).map((p, i) => [p.key, i]));
  const dimensionOrder = new Map(pair(a.dimensions, b.dimensions, (d) => d.key).map((p, i) => [p.key, i]));
  const cellKey = (c: Cell) => `${c.step}\u0000${c.dimension}`;
  const byPlace = (x: Pair<Cell>, y: Pair<Cell>) => {
    const cx = (x.after ?? x.before)!;
    const cy = (y.after ?? y.before)!;
    return (stepOrder.get(cx.step) ?? 0) - (stepOrder.get(cy.step) ?? 0) || (dimensionOrder.get(cx.dimension) ?? 0) - (dimensionOrder.get(cy.dimension) ?? 0);
  };
  const cells: CellChange[] = compare(pair(a.cells, b.cells, cellKey).sort(byPlace), (x, y) => {
    const changed: CellField[] = [];
    if (x.summary !== y.summary) changed.push("summary");
    if (!sameExpectations(x.expectations, y.expectations)) changed.push("expectations");
    return changed;
  }).map((c) => {
    const cell = (c.after ?? c.before)!;
    return {
      ...c,
      key: `${cell.step}/${cell.dimension}`,
      stepName: stepName.get(cell.step) ?? cell.step,
      dimensionName: dimensionName.get(cell.dimension) ?? cell.dimension,
      summaryText: diffText(c.before?.summary ?? "", c.after?.summary ?? ""),
      expectationsText: diffText(expectationsAsText(c.before?.expectations ?? []), expectationsAsText(c.after?.expectations ?? [])),
    };
  });

  return {
    framework: {
      renamed: a.name !== b.name,
      before: a.name,
      after: b.name,
      descriptionText: a.description !== b.description ? diffText(a.description, b.description) : null,
    },
    steps,
    dimensions,
    transitions,
    cells,
    reordered: {
      steps: !sameOrder(
        a.steps.map((s) => s.key),
        b.steps.map((s) => s.key),
      ),
      dimensions: !sameOrder(
        a.dimensions.map((d) => d.key),
        b.dimensions.map((d) => d.key),
      ),
    },
    counts: { steps: countsOf(steps), dimensions: countsOf(dimensions), transitions: countsOf(transitions), cells: countsOf(cells) },
  };
}

/** Whether two versions differ in anything the diff shows. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  return (
    !diff.framework.renamed &&
    !diff.framework.descriptionText &&
    !diff.reordered.steps &&
    !diff.reordered.dimensions &&
    [diff.steps, diff.dimensions, diff.transitions, diff.cells].every((list) => list.length === 0)
  );
}

/** The content of a stored version, which refers to steps and dimensions by id, as a definition keyed by stable key. */
export type StoredVersion = {
  framework: { key: string; name: string; description: string };
  dimensions: (Dimension & { id: string })[];
  steps: (Step & { id: string })[];
  transitions: { fromStepId: string; toStepId: string; label: string }[];
  cells: { stepId: string; dimensionId: string; summary: string; expectations: Expectation[] }[];
};

export function definitionOf(version: StoredVersion): FrameworkDefinition {
  const stepKey = new Map(version.steps.map((s) => [s.id, s.key]));
  const dimensionKey = new Map(version.dimensions.map((d) => [d.id, d.key]));
  return {
    key: version.framework.key,
    name: version.framework.name,
    description: version.framework.description,
    dimensions: version.dimensions.map(({ key, name, description, group }) => ({ key, name, description, group })),
    steps: version.steps.map(({ key, name, summary, timeframeMinMonths, timeframeMaxMonths }) => ({ key, name, summary, timeframeMinMonths, timeframeMaxMonths })),
    transitions: version.transitions.map((t) => ({ from: stepKey.get(t.fromStepId)!, to: stepKey.get(t.toStepId)!, label: t.label })),
    cells: version.cells.map((c) => ({ step: stepKey.get(c.stepId)!, dimension: dimensionKey.get(c.dimensionId)!, summary: c.summary, expectations: c.expectations })),
  };
}

type QueryValue = string | string[] | undefined;

/**
 * Which two versions a diff page compares, from its query (`from`, `to`) and the version numbers
 * the viewer may read, newest first: the pair asked for when both exist and differ; `to` alone
 * against the version before it; else the latest two, saying so when the query asked for
 * something else. Null when there are fewer than two versions.
 */
export function pickVersionPair(numbers: readonly number[], query: { from?: QueryValue; to?: QueryValue }): { from: number; to: number; fellBack: boolean } | null {
  if (numbers.length < 2) return null;
  const parse = (v: QueryValue) => (typeof v === "string" && /^[1-9]\d{0,5}$/.test(v) && numbers.includes(Number(v)) ? Number(v) : null);
  const from = parse(query.from);
  const to = parse(query.to);
  if (from !== null && to !== null && from !== to) return { from, to, fellBack: false };
  if (to !== null && query.from === undefined) {
    const before = numbers[numbers.indexOf(to) + 1];
    if (before !== undefined) return { from: before, to, fellBack: false };
  }
  return { from: numbers[1]!, to: numbers[0]!, fellBack: query.from !== undefined || query.to !== undefined };
}
