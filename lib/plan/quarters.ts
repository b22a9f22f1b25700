import { isCalendarDate, isoDate } from "@/lib/dates";

/**
 * Calendar quarters and the weeks in them, for a plan's 90-day milestones: a quarter starts on
 * 1 January, April, July or October (UTC) and holds 13 weeks, the last of them running to the
 * quarter's end.
 */

export const WEEKS_IN_QUARTER = 13;

export type Quarter = {
  /** Its first day, YYYY-MM-DD: how milestones store the quarter they belong to. */
  start: string;
  /** Its last day. */
  end: string;
  /** "Q4 2026". */
  label: string;
};

/** The quarter starting on a given day; null for a day no quarter starts on. */
export function quarterStarting(start: string): Quarter | null {
  if (!isCalendarDate(start) || !/-(01|04|07|10)-01$/.test(start)) return null;
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  return { start, end: isoDate(new Date(Date.UTC(year, month + 3, 0))), label: `Q${month / 3 + 1} ${year}` };
}

/** The quarter a moment falls in, in UTC. */
export function quarterOf(d: Date): Quarter {
  const month = Math.floor(d.getUTCMonth() / 3) * 3;
  return quarterStarting(isoDate(new Date(Date.UTC(d.getUTCFullYear(), month, 1))))!;
}

/** The first day of a week of the quarter (1 to 13). */
export function weekStart(quarter: Quarter, week: number): string {
  const start = new Date(`${quarter.start}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + (week - 1) * 7);
  return isoDate(start);
}

/** The week of the quarter a day falls in: 1 to 13, or null outside the quarter. */
export function weekOf(quarter: Quarter, day: string): number | null {
  if (day < quarter.start || day > quarter.end) return null;
  const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${quarter.start}T00:00:00Z`)) / 86_400_000;
  return Math.min(WEEKS_IN_QUARTER, Math.floor(days / 7) + 1);
}

const dayAndMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

/** "Week 5, from 29 October": the quarter says which year. */
export function weekLabel(quarter: Quarter, week: number): string {
  return `Week ${week}, from ${dayAndMonth.format(new Date(`${weekStart(quarter, week)}T00:00:00Z`))}`;
}
