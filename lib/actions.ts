import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, isUniqueViolation, logUnexpected, PublicError } from "@/lib/errors";
import { parseInput, type FormFields } from "@/lib/validation";

/**
 * Every server action is a public POST endpoint. The wrappers here are the one way Waymark writes
 * them: find the viewer again, hand the input to the data-access layer (which parses and
 * authorizes it), and turn what went wrong into a message the form can show. Next's own control
 * flow (`redirect`, `notFound`) passes through untouched.
 */

/**
 * What a form action answers: the form shows the message, the field errors beside their fields,
 * and keeps what was typed (React resets a form after its action runs): `values` holds each field's
 * text, `lists` every field that was sent more than once or is read as a list (checkboxes).
 */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: T }
  | { status: "error"; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string>; lists: Record<string, string[]> };

export const idle: ActionState = { status: "idle" };

/** What an action called with typed arguments (not a form) answers. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: PublicError["code"] | "unexpected"; message: string; fieldErrors: Record<string, string[]> };

type Done<T> = { message: string; data?: T };
type Failure = Extract<ActionResult<never>, { ok: false }>;

const SIGNED_OUT: Failure = { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again.", fieldErrors: {} };

/** The one mapping from a thrown error to what the person may see. */
export function describeFailure(err: unknown): Failure {
  unstable_rethrow(err);
  if (err instanceof PublicError) {
    const fieldErrors = err instanceof InvalidInputError ? err.fieldErrors : {};
    // The reasons stand beside their fields; the message above the form says where to look.
    const message = Object.keys(fieldErrors).length > 0 ? "Nothing was saved: check the highlighted fields." : err.message;
    return { ok: false, code: err.code, message, fieldErrors };
  }
  if (isUniqueViolation(err)) {
    return { ok: false, code: "conflict", message: "Someone else saved the same thing a moment ago. Reload and try again.", fieldErrors: {} };
  }
  logUnexpected(err);
  return { ok: false, code: "unexpected", message: "Something went wrong. Nothing was changed; try again.", fieldErrors: {} };
}

/**
 * A form's fields as an object: a key sent once is a string, a key sent several times (or named
 * in `lists`) an array of strings. Files and Next's own `$ACTION` keys are left out.
 */
export function readForm(form: FormData, lists: readonly string[] = []): FormFields {
  const fields: FormFields = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    fields[key] = all.length > 1 || lists.includes(key) ? all : (all[0] ?? "");
  }
  for (const key of lists) fields[key] ??= [];
  return fields;
}

/** What typed is echoed back to the form after an error, never a password. */
function echo(fields: FormFields) {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (/password|confirm/i.test(key)) continue;
    if (Array.isArray(value)) lists[key] = value;
    else values[key] = value;
  }
  return { values, lists };
}

type FormActionOptions = { lists?: readonly string[] };
type FormActionFn<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/**
 * A form action. Without a schema the fields go as they are to the data-access function, which
 * parses them; with one (for actions whose data-access call takes plain values, such as ids) they
 * are parsed here.
 */
export function formAction<T = unknown>(run: (viewer: Viewer, fields: FormFields) => Promise<Done<T>>, options?: FormActionOptions): FormActionFn<T>;
export function formAction<S extends z.ZodType, T = unknown>(
  schema: S,
  run: (viewer: Viewer, input: z.output<S>) => Promise<Done<T>>,
  options?: FormActionOptions,
): FormActionFn<T>;
export function formAction<T>(
  ...args:
    | [run: (viewer: Viewer, fields: FormFields) => Promise<Done<T>>, options?: FormActionOptions]
    | [schema: z.ZodType, run: (viewer: Viewer, input: unknown) => Promise<Done<T>>, options?: FormActionOptions]
): FormActionFn<T> {
  type Run = (viewer: Viewer, input: never) => Promise<Done<T>>;
  const [schema, run, options] = (typeof args[0] === "function" ? [null, args[0], args[1]] : args) as [z.ZodType | null, Run, FormActionOptions | undefined];
  return async (_prev, form) => {
    const fields = readForm(form, options?.lists);
    const viewer = await getViewer();
    const fail = (f: Failure): ActionState<T> => ({ status: "error", message: f.message, fieldErrors: f.fieldErrors, ...echo(fields) });
    if (!viewer) return fail(SIGNED_OUT);
    try {
      const result = await run(viewer, (schema ? parseInput(schema, fields) : fields) as never);
      return { status: "ok", ...result };
    } catch (err) {
      return fail(describeFailure(err));
    }
  };
}

/**
 * An action called from a client component with typed arguments rather than a form (an autosave,
 * a button with an id). The arguments are untrusted like any request body: the data-access
 * function parses them.
 */
export function dataAction<A, T>(run: (viewer: Viewer, input: A) => Promise<T>): (input: A) => Promise<ActionResult<T>> {
  return async (input) => {
    const viewer = await getViewer();
    if (!viewer) return SIGNED_OUT;
    try {
      return { ok: true, data: await run(viewer, input) };
    } catch (err) {
      return describeFailure(err);
    }
  };
}

/**
 * A form action for someone who is not signed in (setting a password through a one-time link):
 * the same reading of the form and the same mapping of errors, with no viewer.
 */
export function publicFormAction<T = unknown>(run: (fields: FormFields) => Promise<Done<T>>, options?: FormActionOptions): FormActionFn<T> {
  return async (_prev, form) => {
    const fields = readForm(form, options?.lists);
    try {
      return { status: "ok", ...(await run(fields)) };
    } catch (err) {
      const failure = describeFailure(err);
      return { status: "error", message: failure.message, fieldErrors: failure.fieldErrors, ...echo(fields) };
    }
  };
}

