/** Date helpers on calendar dates (YYYY-MM-DD), computed in UTC so results do not drift by time zone. */

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseIsoDate(s: string): Date {
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || isoDate(d) !== s) throw new RangeError(`Not a calendar date: ${s}`);
  return d;
}

/** The same day of the month, n months earlier; clamped to the month's last day (31 March - 1 = 28/29 Feb). */
export function monthsBefore(d: Date, n: number): Date {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() - n;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** Whole calendar months from `from` to `to` (a month counts once its day of the month is reached). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/**
 * The dates Waymark takes from people: wide enough for any career, narrow enough that every date
 * (and the day after it) stays a four-digit year that JavaScript and PostgreSQL both read the same.
 */
export const DATE_RANGE = { min: "1900-01-01", max: "2200-12-31" } as const;

/** Whether a string is a real calendar date written YYYY-MM-DD (so 2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === s;
}

// One formatter for every call: building one costs far more than formatting (a page of 50 events).
const longDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A date as people read it, "23 November 2026": the one format of dates on every page (inputs and
 * exports keep YYYY-MM-DD). Takes a calendar date (YYYY-MM-DD, or the start of an ISO moment) or a
 * moment, read in UTC.
 */
export function longDate(d: Date | string): string {
  return longDateFormat.format(typeof d === "string" ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d);
}

/** A moment as people read it, with the time where it matters: "25 May 2024, 14:03" (UTC). */
export function longDateTime(d: Date): string {
  return `${longDateFormat.format(d)}, ${d.toISOString().slice(11, 16)}`;
}
