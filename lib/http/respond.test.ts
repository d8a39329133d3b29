import { afterEach, describe, expect, it, vi } from "vitest";
import { Conflict, DomainError, Forbidden, NotFound, PayloadTooLarge, RateLimited, Unauthenticated, Unprocessable, ValidationError } from "@/lib/domain/errors";
import { errorResponse } from "./respond";

const cases: [DomainError, number][] = [
  [new ValidationError([{ path: "a.b", message: "Required" }]), 400],
  [new Unauthenticated(), 401],
  [new Forbidden(), 403],
  [new NotFound("The user x"), 404],
  [new Conflict("stale", { currentVersion: 3 }), 409],
  [new PayloadTooLarge(1024), 413],
  [new Unprocessable("mode not declared", [{ path: "mode", message: "unknown" }]), 422],
  [new RateLimited(42), 429],
];

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(cases)("maps %o to its status with its code and the request id", async (error, status) => {
    const res = errorResponse(error, "req-7");
    expect(res.status).toBe(status);
    expect(res.headers.get("x-request-id")).toBe("req-7");
    const body = await res.json();
    expect(body).toMatchObject({ error: error.code, message: error.message, ...error.details });
  });

  it("answers 503 with Retry-After when the database is away, even wrapped as a query error's cause", async () => {
    const lost = Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });
    const res = errorResponse(new Error("Failed query: select 1", { cause: lost }), "r");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ error: "overloaded" });
  });

  it("keeps any other error an opaque 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(Object.assign(new Error("boom"), { code: "23505" }), "r").status).toBe(500);
  });

  it("keeps validation issues with their paths", async () => {
    const body = await errorResponse(new ValidationError([{ path: "health.status", message: "Invalid option" }]), "r").json();
    expect(body).toEqual({ error: "validation", message: expect.any(String), issues: [{ path: "health.status", message: "Invalid option" }] });
  });

  it("tells a rate-limited caller when to retry", () => {
    expect(errorResponse(new RateLimited(42), "r").headers.get("retry-after")).toBe("42");
  });

  it("answers anything else with an opaque 500 that leaks neither message nor stack", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error('relation "users" does not exist at SELECT password_hash FROM users');
    const res = errorResponse(error, "req-9");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("relation");
    expect(text).not.toContain("password_hash");
    expect(text).not.toContain(error.stack!.split("\n")[1]!.trim());
    expect(JSON.parse(text)).toEqual({ error: "internal", message: expect.any(String), requestId: "req-9" });
  });

  it("logs the unknown error on the server with the request id", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new TypeError("boom");
    errorResponse(error, "req-10");
    expect(log).toHaveBeenCalledWith("[req-10]", error);
  });
});
