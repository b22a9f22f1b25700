import { z } from "zod";
import { frameworkDefinitionSchema, keySchema } from "./definition";
import { jsonPath } from "./format";
import { keyFromName, uniqueKey } from "./keys";
import { PATH_LIMITS, pathProblems } from "./validate";

/**
 * A framework draft as the editor holds it: the parts of a definition, keyed by stable keys. While
 * an admin edits, a draft may break the rules of a published version (an empty name, a loop, an
 * unreachable step); it is stored anyway and the rules are shown as problems until it is
 * published. What it may never be is unstorable: keys that clash, or parts pointing at steps and
 * dimensions that are not there. Pure, so the editor checks on every keystroke what the server
 * checks on every save and on publish.
 */

export type DraftDimension = { key: string; name: string; description: string; group: string | null };
export type DraftStep = { key: string; name: string; summary: string; timeframeMinMonths: number | null; timeframeMaxMonths: number | null };
export type DraftTransition = { from: string; to: string; label: string };
export type DraftExpectation = { text: string; examples: string[] };
export type DraftCell = { step: string; dimension: string; summary: string; expectations: DraftExpectation[] };
export type Draft = { dimensions: DraftDimension[]; steps: DraftStep[]; transitions: DraftTransition[]; cells: DraftCell[] };

export const DRAFT_LIMITS = { transitions: 500, expectations: 20, examples: 10 } as const;

const text = (max: number) => z.string().max(max, `At most ${max.toLocaleString("en-GB")} characters.`);
const months = z.number().int().min(0, "Months cannot be negative.").max(600, "At most 600 months.").nullable();

/** What a save accepts: every size bounded, every reference resolved, nothing else demanded yet. */
export const draftSchema = z
  .object({
    dimensions: z
      .array(z.object({ key: keySchema, name: text(80), description: text(600), group: text(80).nullable() }))
      .max(PATH_LIMITS.dimensions, `At most ${PATH_LIMITS.dimensions} dimensions.`),
    steps: z
      .array(z.object({ key: keySchema, name: text(80), summary: text(600), timeframeMinMonths: months, timeframeMaxMonths: months }))
      .max(PATH_LIMITS.steps, `At most ${PATH_LIMITS.steps} steps.`),
    transitions: z.array(z.object({ from: keySchema, to: keySchema, label: text(120) })).max(DRAFT_LIMITS.transitions),
    cells: z
      .array(
        z.object({
          step: keySchema,
          dimension: keySchema,
          summary: text(PATH_LIMITS.cellCharacters),
          expectations: z
            .array(z.object({ text: text(500), examples: z.array(text(300)).max(DRAFT_LIMITS.examples) }))
            .max(DRAFT_LIMITS.expectations, `At most ${DRAFT_LIMITS.expectations} expectations a cell.`),
        }),
      )
      .max(PATH_LIMITS.steps * PATH_LIMITS.dimensions),
  })
  .superRefine((draft, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const stepKeys = uniqueKeys(draft.steps, "steps", "step", fail);
    const dimensionKeys = uniqueKeys(draft.dimensions, "dimensions", "dimension", fail);
    draft.steps.forEach((s, i) => {
      if (s.timeframeMinMonths !== null && s.timeframeMaxMonths !== null && s.timeframeMinMonths > s.timeframeMaxMonths)
        fail(["steps", i, "timeframeMaxMonths"], "The shortest expected time cannot be longer than the longest.");
    });
    const edges = new Set<string>();
    draft.transitions.forEach((t, i) => {
      if (!stepKeys.has(t.from) || !stepKeys.has(t.to)) fail(["transitions", i], "A transition must join two steps of the draft.");
      if (t.from === t.to) fail(["transitions", i], "A step cannot lead to itself.");
      const edge = `${t.from}\u0000${t.to}`;
      if (edges.has(edge)) fail(["transitions", i], "This transition is listed twice.");
      edges.add(edge);
    });
    const cells = new Set<string>();
    draft.cells.forEach((c, i) => {
      if (!stepKeys.has(c.step) || !dimensionKeys.has(c.dimension)) fail(["cells", i], "A cell must belong to a step and a dimension of the draft.");
      const cell = `${c.step}\u0000${c.dimension}`;
      if (cells.has(cell)) fail(["cells", i], "This cell is listed twice.");
      cells.add(cell);
    });
  });

function uniqueKeys(items: { key: string }[], collection: string, noun: string, fail: (path: (string | number)[], message: string) => void) {
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (keys.has(item.key)) fail([collection, i, "key"], `Another ${noun} already has the key “${item.key}”.`);
    keys.add(item.key);
  });
  return keys;
}

/** A problem that stops a draft from being published, with its place in words and on the page. */
export type DraftProblem = {
  path: (string | number)[];
  /** The JSON path, e.g. `steps[3].name`. */
  at: string;
  /** The place in words, e.g. `Step “Staff Engineer”`. */
  where: string;
  message: string;
};

type Checked = Draft & { key: string; name: string; description?: string };

/**
 * Everything that stops a draft from being published: the shape of each part (empty names, sizes)
 * and the rules of the path. The definition's own checks across parts are left to the path rules,
 * which say the same in more words, so each problem is named once.
 */
export function publishProblems(definition: Checked): DraftProblem[] {
  const path = pathProblems(definition).map((p) => ({ ...p, at: jsonPath(p.path) }));
  const parsed = frameworkDefinitionSchema.safeParse(definition);
  // A part the path rules already name is not named again for what is inside it.
  const named = path.map((p) => p.at);
  const covered = (at: string) => named.some((n) => at === n || at.startsWith(`${n}.`) || at.startsWith(`${n}[`));
  const shape = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => issue.code !== "custom")
        .map((issue) => {
          const at = jsonPath(issue.path);
          return { path: issue.path as (string | number)[], at, where: placeOf(definition, issue.path as (string | number)[]), message: issue.message };
        })
        .filter((p) => !covered(p.at));
  return [...shape, ...path];
}

const quoted = (value: string) => `“${value}”`;

/** A part of a draft in words, from its path. */
export function placeOf(draft: Draft, path: readonly (string | number)[]): string {
  const [collection, index] = path;
  const stepName = (key: string) => quoted(draft.steps.find((s) => s.key === key)?.name.trim() || key);
  if (typeof index === "number") {
    if (collection === "steps" && draft.steps[index]) return `Step ${stepName(draft.steps[index].key)}`;
    if (collection === "dimensions" && draft.dimensions[index]) return `Dimension ${quoted(draft.dimensions[index].name.trim() || draft.dimensions[index].key)}`;
    if (collection === "transitions" && draft.transitions[index]) {
      const t = draft.transitions[index];
      return `Transition ${stepName(t.from)} → ${stepName(t.to)}`;
    }
    if (collection === "cells" && draft.cells[index]) {
      const c = draft.cells[index];
      const dimension = draft.dimensions.find((d) => d.key === c.dimension);
      return `Cell ${stepName(c.step)} × ${quoted(dimension?.name.trim() || c.dimension)}`;
    }
  }
  if (collection === "steps") return "Steps";
  if (collection === "dimensions") return "Dimensions";
  if (collection === "transitions") return "The path";
  return "The framework";
}

/** The id of the editor's control for a part of a draft, so a problem can link to its place. */
export function anchorOf(draft: Draft, path: readonly (string | number)[]): string | null {
  const [collection, index] = path;
  if (typeof index !== "number") return collection === "steps" || collection === "transitions" ? "draft-steps" : collection === "dimensions" ? "draft-dimensions" : null;
  if (collection === "steps" && draft.steps[index]) return `draft-step-${draft.steps[index].key}`;
  if (collection === "dimensions" && draft.dimensions[index]) return `draft-dimension-${draft.dimensions[index].key}`;
  if (collection === "transitions" && draft.transitions[index]) return `draft-step-${draft.transitions[index].from}`;
  if (collection === "cells" && draft.cells[index]) return `draft-cell-${draft.cells[index].step}-${draft.cells[index].dimension}`;
  return null;
}

/** A JSON path as written by `jsonPath` (`cells[12].summary`) back as its segments. */
export function parseJsonPath(at: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of at.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

/** A key for a new part, made from its name and unlike every key taken. */
export function newKey(name: string, taken: Iterable<string>, prefix: "step" | "dimension"): string {
  const keys = new Set(taken);
  return uniqueKey(keyFromName(name, prefix, keys.size + 1), keys);
}

/** A copy of a list with one item moved by `by` places, or the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Adds a step after `after` (or at the end), optionally with a transition into it from that step. */
export function addStep(draft: Draft, name: string, options: { after?: string; branchLabel?: string } = {}): { draft: Draft; key: string } {
  const key = newKey(name, draft.steps.map((s) => s.key), "step");
  const step: DraftStep = { key, name, summary: "", timeframeMinMonths: null, timeframeMaxMonths: null };
  const after = options.after ? draft.steps.findIndex((s) => s.key === options.after) : -1;
  const at = after >= 0 ? after + 1 : draft.steps.length;
  const steps = [...draft.steps.slice(0, at), step, ...draft.steps.slice(at)];
  const transitions =
    options.after && after >= 0 && options.branchLabel !== undefined
      ? [...draft.transitions, { from: options.after, to: key, label: options.branchLabel }]
      : draft.transitions;
  return { draft: { ...draft, steps, transitions }, key };
}

/** Removes a step with its transitions and cells. */
export function removeStep(draft: Draft, key: string): Draft {
  return {
    ...draft,
    steps: draft.steps.filter((s) => s.key !== key),
    transitions: draft.transitions.filter((t) => t.from !== key && t.to !== key),
    cells: draft.cells.filter((c) => c.step !== key),
  };
}

/** Adds a dimension at the end, in a pillar if given. */
export function addDimension(draft: Draft, name: string, group: string | null = null): { draft: Draft; key: string } {
  const key = newKey(name, draft.dimensions.map((d) => d.key), "dimension");
  return { draft: { ...draft, dimensions: [...draft.dimensions, { key, name, description: "", group }] }, key };
}

/** Removes a dimension with its cells. */
export function removeDimension(draft: Draft, key: string): Draft {
  return { ...draft, dimensions: draft.dimensions.filter((d) => d.key !== key), cells: draft.cells.filter((c) => c.dimension !== key) };
}

/** Adds a transition; a repeated one or a step leading to itself leaves the draft as it was. */
export function addTransition(draft: Draft, transition: DraftTransition): Draft {
  if (transition.from === transition.to) return draft;
  if (draft.transitions.some((t) => t.from === transition.from && t.to === transition.to)) return draft;
  if (![transition.from, transition.to].every((k) => draft.steps.some((s) => s.key === k))) return draft;
  return { ...draft, transitions: [...draft.transitions, transition] };
}

export function removeTransition(draft: Draft, from: string, to: string): Draft {
  return { ...draft, transitions: draft.transitions.filter((t) => !(t.from === from && t.to === to)) };
}

/** Sets what a step expects on a dimension; null (or nothing written) leaves the cell empty. */
export function setCell(draft: Draft, step: string, dimension: string, content: Pick<DraftCell, "summary" | "expectations"> | null): Draft {
  const others = draft.cells.filter((c) => !(c.step === step && c.dimension === dimension));
  const empty = !content || (!content.summary.trim() && content.expectations.every((e) => !e.text.trim() && e.examples.every((x) => !x.trim())));
  return { ...draft, cells: empty ? others : [...others, { step, dimension, ...content }] };
}

/** The pillars used so far, in the order their first dimension appears. */
export function pillarsOf(draft: Pick<Draft, "dimensions">): string[] {
  return [...new Set(draft.dimensions.map((d) => d.group?.trim()).filter((g): g is string => !!g))];
}
