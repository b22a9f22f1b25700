/**
 * A problem that stops Waymark from starting. Its message is one sentence meant for the person
 * running the server: it names the problem and, where possible, what to do about it.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

export function describeError(err: unknown): string {
  if (err && typeof err === "object") {
    const e = err as { code?: unknown; message?: unknown };
    if (typeof e.code === "string" && e.code) return e.code;
    if (typeof e.message === "string" && e.message) return e.message.split("\n")[0]!;
  }
  return String(err);
}
