/**
 * The errors whose messages may reach the person using Waymark. Anything else is logged and shown
 * as a generic message.
 */
export abstract class PublicError extends Error {
  abstract readonly code: "unauthenticated" | "not-found" | "not-allowed" | "conflict" | "invalid";
}

/** Also what a viewer gets for something that exists but that they may not even know about. */
export class NotFoundError extends PublicError {
  readonly code = "not-found";
  /** Says "<what> was not found.", or the whole sentence given instead. */
  constructor(what = "That", sentence?: string) {
    super(sentence ?? `${what} was not found.`);
  }
}

export class NotAllowedError extends PublicError {
  readonly code = "not-allowed";
  constructor(message = "You are not allowed to do that.") {
    super(message);
  }
}

export class ConflictError extends PublicError {
  readonly code = "conflict";
  constructor(message = "This was changed by someone else in the meantime. Reload to see the latest version, then try again.") {
    super(message);
  }
}

export class InvalidInputError extends PublicError {
  readonly code = "invalid";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/**
 * Logs an unexpected error without the query parameters a database error carries (they can hold
 * password hashes or personal data).
 */
export function logUnexpected(err: unknown): void {
  const describe = (e: unknown): string => {
    if (!(e instanceof Error)) return String(e);
    const message = e.message.split(/\nparams:/)[0];
    const code = (e as { code?: unknown }).code;
    return `${e.name}${typeof code === "string" ? ` [${code}]` : ""}: ${message}`;
  };
  const cause = err instanceof Error && err.cause ? ` (cause: ${describe(err.cause)})` : "";
  console.error(`Unexpected error: ${describe(err)}${cause}`);
}

/** Whether a database error is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  const codeOf = (e: unknown) => (e && typeof e === "object" ? (e as { code?: unknown }).code : undefined);
  return codeOf(err) === "23505" || (err instanceof Error && codeOf(err.cause) === "23505");
}
