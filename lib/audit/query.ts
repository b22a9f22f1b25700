import { DATE_RANGE, isCalendarDate } from "@/lib/dates";
import { AUDIT_ENTITY_TYPES, isKnownAction, type AuditEntityType } from "./describe";

/**
 * What the audit page shows, read from its URL. Nothing in a URL is trusted and nothing in it
 * fails the page: a value that does not fit is left out (or moved to the nearest one that does),
 * and the page says what it did with it.
 */

export const AUDIT_PAGE_SIZE = 50;
/** Longer than any name or email worth searching for. */
export const PERSON_SEARCH_MAX = 100;

export const AUDIT_SORTS = { newest: "Newest first", oldest: "Oldest first" } as const;
export type AuditSort = keyof typeof AUDIT_SORTS;

export type AuditFilter = {
  /** Events this person did, or that are about them. */
  personId?: string;
  /** Events of the people whose name or email holds this text. */
  q?: string;
  action?: string;
  entityType?: AuditEntityType;
  /** Calendar dates, inclusive. */
  from?: string;
  to?: string;
  sort?: AuditSort;
  /** From 1; past the last page means the last page. */
  page?: number;
};

type Raw = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first value of a query parameter given once or several times, trimmed. */
function first(v: unknown): string | undefined {
  const value = Array.isArray(v) ? v[0] : v;
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value).toString() : undefined;
  if (typeof value !== "string") return undefined;
  // No control characters: PostgreSQL refuses a NUL in text.
  const s = value.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return s === "" ? undefined : s;
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * A filter from loosely typed values (a URL's, or a caller's), with the problems found on the way.
 * The data-access layer runs it again, so no value reaches a query unchecked.
 */
export function cleanAuditFilter(raw: Raw): { filter: AuditFilter; problems: string[] } {
  const problems: string[] = [];
  const filter: AuditFilter = {};

  const personId = first(raw.personId);
  if (personId !== undefined) {
    if (UUID.test(personId)) filter.personId = personId.toLowerCase();
    else problems.push("That person link is not valid, so the log is not narrowed to a person.");
  }

  const q = first(raw.q);
  if (q !== undefined) {
    if (q.length > PERSON_SEARCH_MAX) problems.push(`Searches for a person are at most ${PERSON_SEARCH_MAX} characters: “${shorten(q)}” was not searched.`);
    else filter.q = q;
  }

  const action = first(raw.action);
  if (action !== undefined) {
    if (isKnownAction(action)) filter.action = action;
    else problems.push(`“${shorten(action)}” is not an action the log records, so every action is shown.`);
  }

  const entityType = first(raw.entityType);
  if (entityType !== undefined) {
    if (Object.hasOwn(AUDIT_ENTITY_TYPES, entityType)) filter.entityType = entityType as AuditEntityType;
    else problems.push(`“${shorten(entityType)}” is not a kind of record the log keeps, so every kind is shown.`);
  }

  for (const key of ["from", "to"] as const) {
    const date = first(raw[key]);
    if (date === undefined) continue;
    if (isCalendarDate(date) && date >= DATE_RANGE.min && date <= DATE_RANGE.max) filter[key] = date;
    else problems.push(`“${shorten(date)}” is not a date between ${DATE_RANGE.min.slice(0, 4)} and ${DATE_RANGE.max.slice(0, 4)}, so the ${key === "from" ? "start" : "end"} date is left open.`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    [filter.from, filter.to] = [filter.to, filter.from];
    problems.push("The start date was after the end date: they have been swapped.");
  }

  const sort = first(raw.sort);
  if (sort !== undefined) {
    if (Object.hasOwn(AUDIT_SORTS, sort)) filter.sort = sort as AuditSort;
    else problems.push(`“${shorten(sort)}” is not a way to sort the log: newest first it is.`);
  }

  const page = first(raw.page);
  if (page !== undefined) {
    if (/^[+-]?\d+$/.test(page)) {
      const n = Number(page);
      // Past the last page is settled once the number of events is known.
      filter.page = n >= 1 ? n : 1;
      if (n < 1) problems.push("Pages start at 1: this is the first page.");
    } else {
      problems.push(`“${shorten(page)}” is not a page number: this is the first page.`);
    }
  }
  return { filter, problems };
}

/** The filter in the page's URL, which names its parameters for people: person, q, action, type, from, to, sort, page. */
export function parseAuditQuery(query: Record<string, string | string[] | undefined>): { filter: AuditFilter; problems: string[] } {
  return cleanAuditFilter({
    personId: query.person,
    q: query.q,
    action: query.action,
    entityType: query.type,
    from: query.from,
    to: query.to,
    sort: query.sort,
    page: query.page,
  });
}

/** The audit page's address for a filter: only what differs from the plain newest-first log. */
export function auditHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  if (filter.q) put("q", filter.q);
  else put("person", filter.personId);
  put("action", filter.action);
  put("type", filter.entityType);
  put("from", filter.from);
  put("to", filter.to);
  if (filter.sort && filter.sort !== "newest") put("sort", filter.sort);
  if (filter.page && filter.page > 1) put("page", filter.page);
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}

/** Whether the view is narrowed at all (sorting and paging aside). */
export function isFiltered(filter: AuditFilter): boolean {
  return !!(filter.personId || filter.q || filter.action || filter.entityType || filter.from || filter.to);
}

const figure = (n: number) => n.toLocaleString("en-GB");

/** "Showing 51–100 of 25,003 events", or "of more than 10,000 events" when the count stopped there. */
export function showingLine({ page, total, exact = true, shown }: { page: number; total: number; exact?: boolean; shown: number }): string {
  if (shown === 0) return "No events";
  const start = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const end = start + shown - 1;
  if (!exact) return `Showing ${figure(start)}–${figure(end)} of more than ${figure(total - 1)} events`;
  const events = total === 1 ? "event" : "events";
  return start === 1 && end === total ? `Showing all ${figure(total)} ${events}` : `Showing ${figure(start)}–${figure(end)} of ${figure(total)} ${events}`;
}

/**
 * The page numbers to offer: the first, the last, and a few around the current one, with null
 * for a gap ("1 … 4 5 6 … 501").
 */
export function pageNumbers(page: number, pages: number, { lastKnown = true }: { lastKnown?: boolean } = {}): (number | null)[] {
  const wanted = new Set([1, lastKnown ? pages : page, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (typeof last === "number" && n - last === 2) out.push(n - 1);
    else if (typeof last === "number" && n - last > 2) out.push(null);
    out.push(n);
  }
  // Where the last page is not known, a gap says there is more after the next one.
  if (!lastKnown && out.at(-1) !== pages) out.push(null);
  return out;
}
