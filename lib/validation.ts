import { z } from "zod";
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
