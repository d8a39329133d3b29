import { databaseAway } from "@/lib/db/away";
import { DomainError, Overloaded, RateLimited } from "@/lib/domain/errors";

const statusOf: Record<DomainError["code"], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  frozen: 423,
  rate_limited: 429,
  overloaded: 503,
};

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers });
}

/**
 * The single mapping from failures to HTTP: known errors by their code, the database being away as
 * 503 with Retry-After (drizzle wraps the driver's error as its cause), anything else as an opaque 500.
 */
export function errorResponse(error: unknown, requestId: string): Response {
  if (!(error instanceof DomainError) && databaseAway(error)) error = new Overloaded(2, "The database is not answering.");
  if (error instanceof DomainError) {
    const headers: Record<string, string> = { "x-request-id": requestId };
    if (error instanceof RateLimited || error instanceof Overloaded) headers["retry-after"] = String(error.retryAfterSeconds);
    return json({ error: error.code, message: error.message, ...error.details }, statusOf[error.code], headers);
  }
  console.error(`[${requestId}]`, error);
  return json({ error: "internal", message: "Something went wrong; the request id is in the x-request-id header.", requestId }, 500, {
    "x-request-id": requestId,
  });
}
