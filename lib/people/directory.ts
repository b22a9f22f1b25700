import { REVIEW_STATES, type ReviewState } from "@/lib/assessments/review-state";
import type { Role } from "@/lib/auth/policy";
import { cleanSearch, first, oneOf, parsePage, queryReader, STEP_KEY, type QueryNotes, type RawQuery } from "@/lib/list-query";

/**
 * The people directory's view, as the URL states it: search, filters, sort and page. Pure: the
 * page parses the query string here, the data-access layer turns the view into one query scoped
 * to what the viewer may see, and every link the page draws comes back through directoryHref.
 * Nothing in a URL fails the page: a malformed value is left out (and said so), a search that is
 * too long is cut, and a page out of range becomes the nearest page that exists.
 */

export const PAGE_SIZE = 50;
/** The longest search the directory runs; anything longer is cut to this. */
export const SEARCH_MAX = 200;
/** The most teams or managers a search for a filter offers; typing more of the name narrows them. */
export const FILTER_CHOICES_LIMIT = 8;

export const DIRECTORY_SORTS = ["name", "email", "team", "step", "role"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const directorySortLabel: Record<DirectorySort, string> = { name: "Name", email: "Email", team: "Team", step: "Step", role: "Role" };

export const ACTIVE_FILTERS = ["active", "deactivated", "all"] as const;
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number];
export const activeFilterLabel: Record<ActiveFilter, string> = { active: "Active", deactivated: "Deactivated", all: "Everyone" };

const ROLES = ["engineer", "manager", "admin"] as const satisfies readonly Role[];

/** The team filter's value for people in no team. */
export const NO_TEAM = "none";

export type DirectoryQuery = {
  q: string;
  team: string | null;
  /** Part of a team's name, typed to choose the team filter: a search for choices, not a filter. */
  teamSearch: string;
  role: Role | null;
  manager: string | null;
  /** Part of a manager's name, typed to choose the manager filter. */
  managerSearch: string;
  step: string | null;
  status: ReviewState | null;
  active: ActiveFilter;
  sort: DirectorySort;
  dir: "asc" | "desc";
  /** The page asked for, at least 1; the data-access layer brings it within the pages there are. */
  page: number;
};

export const DEFAULT_DIRECTORY_QUERY: DirectoryQuery = {
  q: "",
  team: null,
  teamSearch: "",
  role: null,
  manager: null,
  managerSearch: "",
  step: null,
  status: null,
  active: "active",
  sort: "name",
  dir: "asc",
  page: 1,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The view a query string asks for, and what it had to leave out. */
export function parseDirectoryQuery(raw: RawQuery): { query: DirectoryQuery; notes: QueryNotes } {
  const { pick, ignored } = queryReader(raw);
  const search = cleanSearch(first(raw.q), SEARCH_MAX);
  const teamSearch = cleanSearch(first(raw.teamq), SEARCH_MAX);
  const managerSearch = cleanSearch(first(raw.managerq), SEARCH_MAX);
  const sort = pick("sort", (v) => oneOf(DIRECTORY_SORTS, v)) ?? "name";
  const query: DirectoryQuery = {
    q: search.q,
    team: pick("team", (v) => (v === NO_TEAM || UUID.test(v) ? v.toLowerCase() : undefined)),
    teamSearch: teamSearch.q,
    role: pick("role", (v) => oneOf(ROLES, v)),
    manager: pick("manager", (v) => (UUID.test(v) ? v.toLowerCase() : undefined)),
    managerSearch: managerSearch.q,
    step: pick("step", (v) => (STEP_KEY.test(v) ? v : undefined)),
    status: pick("status", (v) => oneOf(REVIEW_STATES, v)),
    active: pick("active", (v) => oneOf(ACTIVE_FILTERS, v)) ?? "active",
    sort,
    dir: pick("dir", (v) => oneOf(["asc", "desc"] as const, v)) ?? "asc",
    page: parsePage(first(raw.page)),
  };
  return { query, notes: { ignored, searchCut: search.cut || teamSearch.cut || managerSearch.cut } };
}

/** The /people URL of a view, leaving out what is the default so shared links stay short. */
export function directoryHref(query: DirectoryQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.team) params.set("team", query.team);
  if (query.teamSearch) params.set("teamq", query.teamSearch);
  if (query.role) params.set("role", query.role);
  if (query.manager) params.set("manager", query.manager);
  if (query.managerSearch) params.set("managerq", query.managerSearch);
  if (query.step) params.set("step", query.step);
  if (query.status) params.set("status", query.status);
  if (query.active !== DEFAULT_DIRECTORY_QUERY.active) params.set("active", query.active);
  if (query.sort !== DEFAULT_DIRECTORY_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== DEFAULT_DIRECTORY_QUERY.dir) params.set("dir", query.dir);
  if (query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `/people?${s}` : "/people";
}

/**
 * Where to send a well-formed address that is not written the short way: the GET form sends every
 * field, empty or default ones too, and a shared link should not carry them. Null when the address
 * is already short, or when parsing it left something out (the page says what, so it stays put).
 */
export function shorterHref(raw: RawQuery): string | null {
  const { query, notes } = parseDirectoryQuery(raw);
  if (notes.ignored.length > 0 || notes.searchCut) return null;
  const given = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) for (const v of [value ?? []].flat()) given.append(name, v);
  const href = directoryHref(query);
  return href === (given.size > 0 ? `/people?${given}` : "/people") ? null : href;
}

/** The view sorted by a column, from its first page: ascending first, the other way when it is already sorted by it. */
export function sortedBy(query: DirectoryQuery, sort: DirectorySort): DirectoryQuery {
  const dir = query.sort === sort && query.dir === "asc" ? "desc" : "asc";
  return { ...query, sort, dir, page: 1 };
}

export const onPage = (query: DirectoryQuery, page: number): DirectoryQuery => ({ ...query, page });

/** The view narrowed to a team (or "no team"), from its first page, with any search for a team done. */
export const withTeam = (query: DirectoryQuery, team: string | null): DirectoryQuery => ({ ...query, team, teamSearch: "", page: 1 });

/** The view narrowed to a manager's direct reports, from its first page, with any search for a manager done. */
export const withManager = (query: DirectoryQuery, manager: string | null): DirectoryQuery => ({ ...query, manager, managerSearch: "", page: 1 });

/**
 * The one choice a search for a filter settles on by itself: the only match, or the only one whose
 * name is what was typed (ignoring case). Null when the person has to choose, or nothing matched.
 */
export function settledChoice<T extends { name: string }>(search: string, matches: T[]): T | null {
  if (matches.length === 1) return matches[0]!;
  const exact = matches.filter((m) => m.name.toLowerCase() === search.toLowerCase());
  return exact.length === 1 ? exact[0]! : null;
}

/** Whether the view narrows the directory at all (the default shows every active person). */
export const isFiltered = (query: DirectoryQuery) =>
  Boolean(query.q || query.team || query.role || query.manager || query.step || query.status || query.active !== "active");
