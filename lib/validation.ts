import { z } from "zod";
import { DATE_RANGE, isCalendarDate } from "./dates";
import { InvalidInputError } from "./errors";

/** Parses input at a trust boundary; a failure becomes an InvalidInputError with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new InvalidInputError("Check the highlighted fields.", fieldErrors);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a URL or a form can be an id at all; anything else is answered "not found". */
export const isUuid = (s: string) => UUID.test(s);

/** A submitted form as the data-access layer receives it: each field's text, or a list for repeated fields. */
export type FormFields = Record<string, string | string[]>;

/**
 * A calendar date written YYYY-MM-DD, checked by round trip (so 2026-02-30 is refused, not sent to
 * the database to fail there) and kept within DATE_RANGE. The one date check for forms and URLs.
 */
export const calendarDateSchema = z
  .string()
  .trim()
  .refine(isCalendarDate, { message: "Use a real date, like 2026-12-31.", abort: true })
  .refine((s) => s >= DATE_RANGE.min && s <= DATE_RANGE.max, `Use a date between ${DATE_RANGE.min.slice(0, 4)} and ${DATE_RANGE.max.slice(0, 4)}.`);
