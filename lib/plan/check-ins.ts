import { monthsBefore } from "@/lib/dates";

/** The half-yearly check-in as plain values and rules, for the forms in the browser and the data layer alike. */

export const CHECK_IN_QUESTIONS = [
  { key: "learning", question: "Am I learning?" },
  { key: "lookingForward", question: "Do I look forward to work?" },
  { key: "connected", question: "Do I feel connected?" },
  { key: "impact", question: "Am I making an impact?" },
] as const;

export type CheckInQuestion = (typeof CHECK_IN_QUESTIONS)[number]["key"];

/** A question's feeling, as its field is named. */
export const ratingField = (key: CheckInQuestion) => `${key}Rating` as const;

export const CHECK_IN_ANSWER_MAX = 1_000;

/** How many earlier check-ins a plan page lists, newest first. */
export const CHECK_INS_SHOWN = 20;

/** The feelings a check-in answers with, 1 to 5. */
export const FEELINGS = [
  { value: 1, label: "Not at all" },
  { value: 2, label: "Rarely" },
  { value: 3, label: "Somewhat" },
  { value: 4, label: "Mostly" },
  { value: 5, label: "Very much" },
] as const;

export const feelingLabel = (n: number) => FEELINGS.find((f) => f.value === n)?.label ?? String(n);

/** How often a check-in is asked for. */
export const CHECK_IN_MONTHS = 6;

/** Whether a new check-in is due: there is none yet, or six months have passed since the last. */
export function isCheckInDue(last: Date | null, now = new Date()): boolean {
  return last === null || last.getTime() <= monthsBefore(now, CHECK_IN_MONTHS).getTime() + (now.getTime() % 86_400_000);
}
