import "server-only";
import type { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/policy";
import { InvalidInputError, isUniqueViolation, logUnexpected, PublicError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * What a form action answers: the form shows the message, the field errors beside their fields,
 * and keeps what was typed (React resets a form after its action runs).
 */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: T }
  | { status: "error"; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string> };

export const idle: ActionState = { status: "idle" };

/**
 * Wraps a server action: every call is a public POST, so it finds the viewer again, parses the
 * form with the schema, runs one data-access call and turns known errors into their message.
 */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  run: (viewer: Viewer, input: z.output<S>) => Promise<{ message: string; data?: T }>,
) {
  return async (_prev: ActionState<T>, form: FormData): Promise<ActionState<T>> => {
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
    }
    const viewer = await getViewer();
    if (!viewer) return { status: "error", message: "Your session has ended. Sign in again.", fieldErrors: {}, values };
    try {
      const input = parseInput(schema, Object.fromEntries(form.entries()));
      const result = await run(viewer, input);
      return { status: "ok", ...result };
    } catch (err) {
      if (err instanceof PublicError) {
        const fieldErrors = err instanceof InvalidInputError ? err.fieldErrors : {};
        // The reasons stand beside their fields; the message above the form says where to look.
        const message = Object.keys(fieldErrors).length > 0 ? "Nothing was saved: check the highlighted fields." : err.message;
        return { status: "error", message, fieldErrors, values };
      }
      if (isUniqueViolation(err)) {
        return { status: "error", message: "Someone else saved the same thing a moment ago. Reload and try again.", fieldErrors: {}, values };
      }
      logUnexpected(err);
      return { status: "error", message: "Something went wrong. Nothing was changed; try again.", fieldErrors: {}, values };
    }
  };
}
