import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { reviewCycles } from "@/db/schema";
import type { ReviewState } from "@/lib/assessments/review-state";

/**
 * SQL expressions the lists of people share (the people directory, the team overview, the
 * manager's home), so that each rule is written once and every list says the same of a person.
 */

/** The open cycle's id, inside a query: at most one cycle is open (a unique index says so). */
export const openCycleId = sql`(select id from ${reviewCycles} where ${reviewCycles.status} = 'open')`;

/**
 * Where a person's review stands in the open cycle, as the viewer may know it. A self-assessment
 * counts once submitted (its draft is its author's alone); a manager assessment draft counts only
 * for the viewer who is writing it. Admins are not reviewed; with no cycle open, nobody is.
 */
export function reviewStateOf(viewerId: string, person: { id: AnyColumn | SQL; role: AnyColumn | SQL }): SQL<ReviewState | null> {
  const assessment = (condition: SQL) =>
    sql`exists (select 1 from assessments ra where ra.subject_id = ${person.id} and ra.cycle_id = ${openCycleId} and ${condition})`;
  return sql<ReviewState | null>`case
    when ${person.role} = 'admin' or ${openCycleId} is null then null
    when ${assessment(sql`ra.kind = 'manager' and ra.status = 'submitted'`)} then 'assessed'
    when ${assessment(sql`ra.kind = 'manager' and ra.status = 'draft' and ra.author_id = ${viewerId}`)} then 'manager-draft'
    when ${assessment(sql`ra.kind = 'self' and ra.status = 'submitted'`)} then 'self-submitted'
    else 'not-submitted'
  end`;
}

/** `%text%` for ILIKE, with the characters ILIKE treats specially taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Whole months from a placement's effective date to `day`, as the rest of Waymark counts them
 * (lib/dates.ts wholeMonthsBetween: a month counts once its day is reached; never below 0).
 */
export function monthsSince(day: string, effectiveOn: AnyColumn | SQL): SQL<number> {
  return sql<number>`greatest(0, (extract(year from age(${day}::date, ${effectiveOn})) * 12 + extract(month from age(${day}::date, ${effectiveOn})))::int)`;
}
