import { clampPage } from "@/lib/paging";
import { z } from "zod";
import type { StepComparison } from "@/lib/framework/path-graph";
import type { TimeAtStep } from "@/lib/career/where-now";

/**
 * A manager's team overview: everyone below them, grouped by the direct report whose subtree they
 * are in, filtered and sorted by what the URL asks for. Pure: the data-access layer loads the
 * members, the page renders what this module picks.
 */

/** Where a person's review stands in the open cycle, as far as the viewer may know. */
export type ReviewState = "not-submitted" | "self-submitted" | "manager-draft" | "assessed";

export const reviewStateLabel: Record<ReviewState, string> = {
  // A self-assessment draft is its author's alone: "not submitted" says nothing about whether one was started.
  "not-submitted": "Self not submitted",
  "self-submitted": "Self submitted",
  "manager-draft": "Your draft",
  assessed: "Assessed",
};

export type DimensionPicks = {
  dimension: string;
  self: string | null;
  manager: string | null;
  comparison: StepComparison;
};

export type TeamMember = {
  id: string;
  name: string;
  manager: { id: string; name: string };
  /** The viewer's direct report whose subtree this person is in (themselves, for a direct report). */
  headId: string;
  /** 1 for a direct report of the viewer, 2 for their reports, and so on. */
  depth: number;
  hasReports: boolean;
  step: { key: string; name: string; position: number } | null;
  time: TimeAtStep | null;
  /** The latest cycle with a submitted assessment of this person: both sides' picks, per dimension. */
  review: { cycleName: string; picks: DimensionPicks[]; gapCount: number | null; gapSteps: number } | null;
  evidenceCount: number;
  /** In the open cycle; null when no cycle is open. */
  status: ReviewState | null;
};

export const isOverdue = (m: Pick<TeamMember, "time">) => m.time?.status === "beyond";

export const SORTS = ["name", "step", "time", "gap", "evidence"] as const;
export type SortKey = (typeof SORTS)[number];
export const sortLabel: Record<SortKey, string> = { name: "Name", step: "Step", time: "Time at step", gap: "Gap", evidence: "Evidence" };
/** The way a column sorts first: names and steps from the start, the rest largest first. */
export const defaultDirection: Record<SortKey, "asc" | "desc"> = { name: "asc", step: "asc", time: "desc", gap: "desc", evidence: "desc" };

export const NOT_PLACED = "not-placed";
export const DIRECT_GROUP = "direct";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The view a URL asks for; anything malformed falls back to the default rather than failing. */
const teamQuerySchema = z.object({
  q: z.preprocess(first, z.string().trim().max(100)).catch(""),
  sort: z.preprocess(first, z.enum(SORTS)).catch("name"),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional()).catch(undefined),
  step: z.preprocess(first, z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).optional()).catch(undefined),
  overdue: z.preprocess(first, z.enum(["1"]).optional()).catch(undefined),
  status: z.preprocess(first, z.enum(["not-submitted", "self-submitted", "manager-draft", "assessed"]).optional()).catch(undefined),
  group: z.preprocess(first, z.string().regex(/^[a-z0-9-]{1,36}$/i).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

export type TeamQuery = {
  q: string;
  sort: SortKey;
  dir: "asc" | "desc";
  step: string | null;
  overdue: boolean;
  status: ReviewState | null;
  group: string | null;
  /** The page of the view, TEAM_PAGE_SIZE people to a page. */
  page: number;
};

export function parseTeamQuery(raw: Record<string, string | string[] | undefined>): TeamQuery {
  const parsed = teamQuerySchema.parse(raw);
  return {
    q: parsed.q,
    sort: parsed.sort,
    dir: parsed.dir ?? defaultDirection[parsed.sort],
    step: parsed.step ?? null,
    overdue: parsed.overdue === "1",
    status: parsed.status ?? null,
    group: parsed.group?.toLowerCase() ?? null,
    page: parsed.page,
  };
}

export const DEFAULT_QUERY: TeamQuery = parseTeamQuery({});

/** The /team URL for a query, leaving out what is the default so shared links stay short. */
export function teamHref(query: TeamQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.sort !== DEFAULT_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== defaultDirection[query.sort]) params.set("dir", query.dir);
  if (query.step) params.set("step", query.step);
  if (query.overdue) params.set("overdue", "1");
  if (query.status) params.set("status", query.status);
  if (query.group) params.set("group", query.group);
  if (query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `/team?${s}` : "/team";
}

/** The query sorted by a column: the column's first direction, or the other way when it is already sorted by it. */
export function sortedBy(query: TeamQuery, sort: SortKey): TeamQuery {
  const dir = query.sort === sort ? (query.dir === "asc" ? "desc" : "asc") : defaultDirection[sort];
  return { ...query, sort, dir, page: 1 };
}

export type TeamGroup = {
  /** A direct report's id, or DIRECT_GROUP for the direct reports with no reports of their own. */
  id: string;
  title: string;
  members: TeamMember[];
};

export type StepOption = { key: string; name: string };

/** The steps the team's people are at, in path order, for the step filter. */
export function stepOptions(members: TeamMember[]): StepOption[] {
  const byKey = new Map<string, { name: string; position: number }>();
  for (const m of members) if (m.step && !byKey.has(m.step.key)) byKey.set(m.step.key, m.step);
  return [...byKey].sort((a, b) => a[1].position - b[1].position || a[1].name.localeCompare(b[1].name)).map(([key, s]) => ({ key, name: s.name }));
}

/** The groups a team falls into, before any filter: "Reporting to you" first, then each direct report with reports of their own. */
export function groupOptions(members: TeamMember[]): { id: string; title: string }[] {
  const heads = members.filter((m) => m.depth === 1 && m.hasReports).sort((a, b) => a.name.localeCompare(b.name));
  const direct = members.some((m) => m.depth === 1 && !m.hasReports) ? [{ id: DIRECT_GROUP, title: "Reporting to you" }] : [];
  return [...direct, ...heads.map((h) => ({ id: h.id, title: `${h.name}'s team` }))];
}

function matches(m: TeamMember, query: TeamQuery): boolean {
  if (query.q && !m.name.toLocaleLowerCase().includes(query.q.toLocaleLowerCase())) return false;
  if (query.step && (query.step === NOT_PLACED ? m.step !== null : m.step?.key !== query.step)) return false;
  if (query.overdue && !isOverdue(m)) return false;
  if (query.status && m.status !== query.status) return false;
  return true;
}

/** Sort values: people without a value (not placed, not both assessed) come last whichever way. */
function sortValue(m: TeamMember, sort: SortKey): number | string | null {
  switch (sort) {
    case "name":
      return m.name.toLocaleLowerCase();
    case "step":
      return m.step ? m.step.position : null;
    case "time":
      return m.time ? m.time.months : null;
    case "gap":
      return m.review?.gapCount == null ? null : m.review.gapCount * 1000 + m.review.gapSteps;
    case "evidence":
      return m.evidenceCount;
  }
}

function compare(a: TeamMember, b: TeamMember, query: TeamQuery): number {
  const va = sortValue(a, query.sort);
  const vb = sortValue(b, query.sort);
  if (va === null || vb === null) {
    if (va !== vb) return va === null ? 1 : -1;
  } else if (va !== vb) {
    const order = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
    return query.dir === "asc" ? order : -order;
  }
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * The groups to show: each direct report with reports heads their subtree (they come first in their
 * group), the other direct reports are together. Only the people who pass the filters, sorted.
 */
export function viewTeam(members: TeamMember[], query: TeamQuery): { groups: TeamGroup[]; shown: number } {
  const groups = groupOptions(members)
    .filter((g) => !query.group || g.id === query.group)
    .map((g): TeamGroup => {
      const inGroup = g.id === DIRECT_GROUP ? members.filter((m) => m.depth === 1 && !m.hasReports) : members.filter((m) => m.headId === g.id);
      const kept = inGroup.filter((m) => matches(m, query));
      const head = kept.find((m) => m.id === g.id);
      const rest = kept.filter((m) => m !== head).sort((a, b) => compare(a, b, query));
      return { ...g, members: head ? [head, ...rest] : rest };
    })
    .filter((g) => g.members.length > 0);
  return { groups, shown: groups.reduce((n, g) => n + g.members.length, 0) };
}

/** People to a page of the team overview: a page stays small however large the tree. */
export const TEAM_PAGE_SIZE = 25;

/**
 * One page of a view: the people from the page's first to its last, in the view's order, under
 * their groups' headings (a group split across pages is headed on each); a page past the end shows
 * the last.
 */
export function pageOfTeam(groups: TeamGroup[], requested: number, size = TEAM_PAGE_SIZE): { groups: TeamGroup[]; page: number; pages: number } {
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  const { page, pages } = clampPage(requested, total, size);
  const from = (page - 1) * size;
  const to = from + size;
  const out: TeamGroup[] = [];
  let at = 0;
  for (const g of groups) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, g.members.length);
    if (start < end) out.push({ ...g, members: g.members.slice(start, end) });
    at += g.members.length;
    if (at >= to) break;
  }
  return { groups: out, page, pages };
}
