/** The closed set of failures a verb may raise; lib/http/respond.ts maps each to HTTP once. */
export type Issue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "unsupported_media_type" | "unprocessable" | "frozen" | "rate_limited" | "overloaded",
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  constructor(readonly issues: Issue[]) {
    super("validation", "The request is not valid.", { issues });
  }
}

export class Unauthenticated extends DomainError {
  constructor() {
    super("unauthenticated", "Sign in or send a bearer token.");
  }
}

export class Forbidden extends DomainError {
  constructor(message = "Your role does not allow this.") {
    super("forbidden", message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super("not_found", `${what} was not found.`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("conflict", message, details);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super("too_large", `The body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor() {
    super("unsupported_media_type", "Send the body as JSON, with content-type: application/json.");
  }
}

export class Unprocessable extends DomainError {
  constructor(message: string, issues: Issue[] = []) {
    super("unprocessable", message, { issues });
  }
}

/** A document frozen while a critical alert of its service fires: the publish waits, or says why it may not. */
export class Frozen extends DomainError {
  constructor(alerts: { id: number; name: string; since: string }[]) {
    super("frozen", `Frozen while ${alerts.map((a) => a.name).join(", ")} fires; publish with an override and a reason to go ahead.`, { alerts });
  }
}

export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many attempts; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}

/** The console cannot take this now (a full queue, a slow event loop, a database away): come back after the hint. */
export class Overloaded extends DomainError {
  constructor(readonly retryAfterSeconds: number, message = "The console is too busy to take this now.") {
    super("overloaded", `${message} Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}
