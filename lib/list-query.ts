/**
 * Reading a list's view from its URL (the people directory, the team overview): the first of a
 * repeated parameter, one of known values, a page number and a search as typed. Pure; nothing a
 * URL holds makes these fail.
 */

export type RawQuery = Record<string, string | string[] | undefined>;

/** What parsing left out or changed, so the page can say so instead of guessing silently. */
export type QueryNotes = {
  /** Parameters whose value was not valid and was left out. */
  ignored: string[];
  /** Whether a search (of the list, or for one of its filters' choices) was longer than the list searches for and was cut. */
  searchCut: boolean;
};

/** A step's key as a URL carries it (the step filters). */
export const STEP_KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** The step filters' value for people not placed on any step. */
export const NOT_PLACED = "not-placed";

export const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export const oneOf = <T extends string>(values: readonly T[], v: string): T | undefined => ((values as readonly string[]).includes(v) ? (v as T) : undefined);

/**
 * A page number from the URL: anything that is not a number is page 1, anything below 1 is
 * page 1, and anything huge (1e9, 1e400) stays huge, for the data-access layer to bring down to
 * the last page.
 */
export function parsePage(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const n = Number(value);
  if (Number.isNaN(n)) return 1;
  if (n >= Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  return Math.max(1, Math.floor(n));
}

/**
 * A search as typed: control characters (a NUL byte cannot even reach PostgreSQL) become spaces,
 * runs of spaces one, and it is trimmed and cut to `max` characters (never inside one).
 */
export function cleanSearch(value: string | undefined, max: number): { q: string; cut: boolean } {
  const q = (value ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  if (q.length <= max) return { q, cut: false };
  const chars = Array.from(q);
  if (chars.length <= max) return { q, cut: false };
  return { q: chars.slice(0, max).join("").trim(), cut: true };
}

/**
 * Reads a URL's parameters one by one: `pick(name, read)` is null when the parameter is absent or
 * empty ("any"), and null too, with the name noted in `ignored`, when `read` refuses its value.
 */
export function queryReader(raw: RawQuery) {
  const ignored: string[] = [];
  const pick = <T>(name: string, read: (v: string) => T | undefined): T | null => {
    const v = first(raw[name])?.trim();
    if (!v) return null;
    const value = read(v);
    if (value === undefined) ignored.push(name);
    return value ?? null;
  };
  return { pick, ignored };
}
