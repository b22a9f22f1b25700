import { isoDate, parseIsoDate } from "@/lib/dates";

/**
 * Career moves tried as reversible experiments, as plain values and rules: the experiment forms in
 * the browser import these, so they do not pull zod in with the schemas.
 */

export const EXPERIMENT_LIMITS = { hypothesis: 1_000, actions: 2_000, metrics: 2_000, rollback: 2_000, outcome: 2_000, nextStep: 1_000 } as const;

/** How long an experiment may run: a week at least, twelve weeks at most; eight to twelve is what the practice suggests. */
export const EXPERIMENT_DAYS = { min: 7, max: 84, suggested: 56 } as const;

/** How many experiments a plan page lists: the newest, with how many there are in all. */
export const EXPERIMENTS_SHOWN = 50;

const DAY = 86_400_000;

/** A calendar date n days after another (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  return isoDate(new Date(parseIsoDate(date).getTime() + n * DAY));
}

/** Days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY);
}

/** The days an experiment may start on: up to two years back (one being written up late), up to a year ahead. */
export function startRange(today = isoDate(new Date())): { min: string; max: string } {
  return { min: addDays(today, -730), max: addDays(today, 365) };
}

/** What is wrong with an experiment's dates, per field, or nothing: both are real calendar dates. */
export function durationProblem(startsOn: string, endsOn: string): string | null {
  const days = daysBetween(startsOn, endsOn);
  if (days <= 0) return "End the experiment after the day it starts.";
  if (days < EXPERIMENT_DAYS.min) return `Give it a week at least: end it on ${addDays(startsOn, EXPERIMENT_DAYS.min)} or later.`;
  if (days > EXPERIMENT_DAYS.max) return `Twelve weeks at most: end it by ${addDays(startsOn, EXPERIMENT_DAYS.max)}, and start a new experiment for what comes after.`;
  return null;
}

/** "9 weeks", "10 days": how long an experiment runs, as people say it. */
export function durationLabel(startsOn: string, endsOn: string): string {
  const days = daysBetween(startsOn, endsOn);
  if (days % 7 === 0) return `${days / 7} week${days === 7 ? "" : "s"}`;
  return `${days} days`;
}

/** Whether an experiment is still open past its end date: it should be closed with what it showed. */
export function isOverdue(e: { endsOn: string; closedAt: Date | null }, today = isoDate(new Date())): boolean {
  return e.closedAt === null && e.endsOn < today;
}
