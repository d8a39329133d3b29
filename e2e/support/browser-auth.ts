import { randomInt } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";

/**
 * Signs in through next-auth's endpoints, as its client does; the request context keeps the
 * session cookie, and so does the browser context it belongs to. Returns next-auth's error code.
 * Each call comes from an address of its own: every spec shares 127.0.0.1, and its limit of
 * 10 sign-ins a minute is not what they test.
 */
export async function signInThroughApi(request: APIRequestContext, email: string, password: string, address = testClientAddress()): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": address },
    maxRedirects: 0,
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  return { ok: error === null, error };
}

export interface CreatedUser {
  email: string;
  password: string;
}

/** Adds a user through the API as the signed-in admin of `request`. */
export async function addUser(request: APIRequestContext, email: string, role: string): Promise<CreatedUser> {
  const res = await request.post("/api/v1/users", { data: { email, role } });
  if (res.status() !== 201) throw new Error(`adding ${email} answered ${res.status()}: ${await res.text()}`);
  const { password } = (await res.json()) as { password: string };
  return { email, password };
}

/** Creates a service token through the API as the signed-in admin of `request`; returns its bearer value. */
export async function addServiceToken(request: APIRequestContext, name: string, service: string): Promise<string> {
  const res = await request.post("/api/v1/tokens", { data: { name, service } });
  if (res.status() !== 201) throw new Error(`creating token ${name} answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** An address from the range set aside for tests (RFC 2544), never a real client's. */
export function testClientAddress(): string {
  return `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
}
