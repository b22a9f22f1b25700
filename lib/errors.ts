/**
 * The errors whose messages may reach the person using Waymark. Anything else is logged and shown
 * as a generic message.
 */
export abstract class PublicError extends Error {
  abstract readonly code: "unauthenticated" | "not-found" | "not-allowed" | "conflict" | "invalid";
}

export class UnauthenticatedError extends PublicError {
  readonly code = "unauthenticated";
  constructor(message = "Please sign in.") {
    super(message);
  }
}

/** Also what a viewer gets for something that exists but that they may not even know about. */
export class NotFoundError extends PublicError {
  readonly code = "not-found";
  constructor(what = "That") {
    super(`${what} was not found.`);
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
