import type { ReviewState } from "@/lib/assessments/review-state";
import type { TimeAtStep } from "@/lib/career/where-now";
import type { StepComparison } from "@/lib/framework/path-graph";
import { cleanSearch, first, oneOf, parsePage, queryReader, STEP_KEY, type QueryNotes, type RawQuery } from "@/lib/list-query";

/**
 * A manager's team overview: everyone below them, grouped by the direct report whose subtree they
 * are in, filtered, sorted and paged as the URL asks. Pure: the view is read from the URL here,
 * the data-access layer turns it into one query of the viewer's tree (lib/data/team.ts), and every
 * link the page draws comes back through teamHref. Nothing in a URL fails the page: a malformed
 * value is left out (and said so), a search that is too long is cut, and a page out of range
 * becomes the nearest page that exists.
 */

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
  /** 1 for a direct report of the viewer, 2 for their reports, and so on. */
  depth: number;
  step: { key: string; name: string; position: number } | null;
  time: TimeAtStep | null;
  /** The latest cycle with a submitted assessment of this person: both sides' picks, per dimension. */
  review: { cycleName: string; picks: DimensionPicks[]; gapCount: number | null } | null;
  evidenceCount: number;
  /** In the open cycle; null when no cycle is open (and for admins, who are not reviewed). */
  status: ReviewState | null;
};

export const isOverdue = (m: Pick<TeamMember, "time">) => m.time?.status === "beyond";

export const SORTS = ["name", "step", "time", "gap", "evidence"] as const;
export type SortKey = (typeof SORTS)[number];
export const sortLabel: Record<SortKey, string> = { name: "Name", step: "Step", time: "Time at step", gap: "Gap", evidence: "Evidence" };
/** The way a column sorts first: names and steps from the start, the rest largest first. */
export const defaultDirection: Record<SortKey, "asc" | "desc"> = { name: "asc", step: "asc", time: "desc", gap: "desc", evidence: "desc" };

/** The group of the direct reports who have nobody below them. */
export const DIRECT_GROUP = "direct";
/** People to a page of the team overview: a page stays small however large the tree. */
export const TEAM_PAGE_SIZE = 25;
/** The longest search by name the overview runs; anything longer is cut to this. */
export const TEAM_SEARCH_MAX = 100;

const REVIEW_FILTERS = ["not-submitted", "self-submitted", "manager-draft", "assessed"] as const satisfies readonly ReviewState[];
const GROUP_ID = /^[a-z0-9-]{1,36}$/i;

export type TeamQuery = {
  q: string;
  sort: SortKey;
  dir: "asc" | "desc";
  step: string | null;
  overdue: boolean;
  status: ReviewState | null;
  group: string | null;
  /** The page asked for, at least 1; the data-access layer brings it within the pages there are. */
  page: number;
};

export const DEFAULT_QUERY: TeamQuery = { q: "", sort: "name", dir: "asc", step: null, overdue: false, status: null, group: null, page: 1 };

/** The view a query string asks for, and what it had to leave out. */
export function parseTeamQuery(raw: RawQuery): { query: TeamQuery; notes: QueryNotes } {
  const { pick, ignored } = queryReader(raw);
  const search = cleanSearch(first(raw.q), TEAM_SEARCH_MAX);
  const sort = pick("sort", (v) => oneOf(SORTS, v)) ?? DEFAULT_QUERY.sort;
  const query: TeamQuery = {
    q: search.q,
    sort,
    dir: pick("dir", (v) => oneOf(["asc", "desc"] as const, v)) ?? defaultDirection[sort],
    step: pick("step", (v) => (STEP_KEY.test(v) ? v : undefined)),
    overdue: pick("overdue", (v) => (v === "1" ? true : undefined)) ?? false,
    status: pick("status", (v) => oneOf(REVIEW_FILTERS, v)),
    group: pick("group", (v) => (GROUP_ID.test(v) ? v.toLowerCase() : undefined)),
    page: parsePage(first(raw.page)),
  };
  return { query, notes: { ignored, searchCut: search.cut } };
}

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

/** Whether the view narrows the team at all. */
export const isFiltered = (query: TeamQuery) => Boolean(query.q || query.step || query.overdue || query.status || query.group);

export type StepOption = { key: string; name: string };
export type GroupOption = { id: string; title: string };

/** A group's heading: the direct reports with nobody below them together, every other direct report with their subtree. */
export const groupTitle = (group: { id: string; headName: string }) => (group.id === DIRECT_GROUP ? "Reporting to you" : `${group.headName}'s team`);

export type TeamGroup = GroupOption & {
  /** How many of the group match the view, on this page and others: a group may be split across pages. */
  total: number;
  members: TeamMember[];
};

/** The page's people, in the view's order, under their groups: consecutive people of one group make one. */
export function groupPage<R>(rows: R[], groupOf: (row: R) => { id: string; headName: string; total: number }, member: (row: R) => TeamMember): TeamGroup[] {
  const out: TeamGroup[] = [];
  for (const row of rows) {
    const g = groupOf(row);
    const last = out[out.length - 1];
    if (last?.id === g.id) last.members.push(member(row));
    else out.push({ id: g.id, title: groupTitle(g), total: g.total, members: [member(row)] });
  }
  return out;
}
