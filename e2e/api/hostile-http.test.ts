import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedUser, unique, type SeededUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** Attacks on the HTTP boundary, each over real HTTP, with the console answering /api/health throughout. */

let app: TestApp;
let admin: Caller;
let adminUser: SeededUser;

beforeAll(async () => {
  app = await startApp();
  adminUser = await seedUser(app.database.db, "admin");
  admin = await app.signedIn(adminUser.email, adminUser.password);
});
afterAll(() => app?.stop());

/** Runs an attack beside a health check, so a console the attack froze fails the test. */
async function duringAttack<T>(attack: () => Promise<T>): Promise<T> {
  const [result, health] = await Promise.all([attack(), fetch(new URL("/api/health", app.url))]);
  expect(health.status).toBe(200);
  return result;
}

async function userExists(email: string): Promise<boolean> {
  const rows = await app.database.sql`select 1 from users where email = ${email}`;
  return rows.length > 0;
}

describe("cross-site request forgery on cookie-authenticated writes", () => {
  it("refuses a text/plain JSON body, which another site can post without a preflight, with 415", async () => {
    const email = `${unique("csrf")}@example.com`;
    const res = await duringAttack(() =>
      admin.send("POST", "/api/v1/users", { raw: JSON.stringify({ email, role: "admin" }), headers: { "content-type": "text/plain" } }),
    );
    expect(res.status).toBe(415);
    expect(await userExists(email)).toBe(false);
  });

  it.each([
    { name: "Origin of another site", headers: { origin: "https://evil.example" } },
    { name: "Sec-Fetch-Site cross-site", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } },
    { name: "Sec-Fetch-Site same-site (a sibling subdomain)", headers: { "sec-fetch-site": "same-site" } },
    { name: "the string null as Origin (a sandboxed frame)", headers: { origin: "null" } },
  ] satisfies { name: string; headers: Record<string, string> }[] as { name: string; headers: Record<string, string> }[])("refuses a JSON write with a session cookie and $name with 403", async ({ headers }) => {
    const email = `${unique("csrf")}@example.com`;
    const res = await duringAttack(() => admin.send("POST", "/api/v1/users", { json: { email, role: "admin" }, headers }));
    expect(res.status).toBe(403);
    expect(await userExists(email)).toBe(false);
  });

  it("refuses a cookie write with neither Origin nor Sec-Fetch-Site", async () => {
    const email = `${unique("csrf")}@example.com`;
    const res = await fetch(new URL("/api/v1/users", app.url), {
      method: "POST",
      headers: { cookie: (admin.credentials as { cookie: string }).cookie, "content-type": "application/json" },
      body: JSON.stringify({ email, role: "viewer" }),
    });
    expect(res.status).toBe(403);
    expect(await userExists(email)).toBe(false);
  });

  it("takes the console's own pages' writes, and bearer callers without any Origin", async () => {
    const own = `${unique("own")}@example.com`;
    expect((await admin.send("POST", "/api/v1/users", { json: { email: own, role: "viewer" }, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
    const bearer = await seedPersonalToken(app.database.db, adminUser.email);
    const viaToken = `${unique("token")}@example.com`;
    const res = await fetch(new URL("/api/v1/users", app.url), {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify({ email: viaToken, role: "viewer" }),
    });
    expect(res.status).toBe(201);
  });
});

describe("headers a console sends", () => {
  it.each(["/signin", "/api/health"])("%s may not be framed and is not sniffed", async (path) => {
    const res = await fetch(new URL(path, app.url));
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });
});

const HOSTILE_CALLBACKS = ["//evil.com", "/\\evil.com", "/%09/evil.com", "https://evil.com", "javascript:alert(1)", "/%5Cevil.com"];

describe("open redirect after sign-in", () => {
  it.each(HOSTILE_CALLBACKS)("the sign-in page of a signed-in user sends callbackUrl=%s home", async (callback) => {
    const res = await duringAttack(() => admin.get(`/signin?callbackUrl=${encodeURIComponent(callback)}`));
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    expect(new URL(res.headers.get("location")!, app.url).href).toBe(new URL("/", app.url).href);
  });

  it.each(HOSTILE_CALLBACKS)("next-auth's credentials callback answers callbackUrl=%s with this site", async (callback) => {
    const url = await duringAttack(() => signInWithCallback(callback));
    expect(new URL(url).origin).toBe(new URL(app.url).origin);
    expect(new URL(url).pathname).toBe("/");
  });

  it("keeps a local callback path", async () => {
    expect(new URL(await signInWithCallback("/alerts?state=firing")).href).toBe(new URL("/alerts?state=firing", app.url).href);
  });
});

async function signInWithCallback(callbackUrl: string): Promise<string> {
  const csrf = await fetch(new URL("/api/auth/csrf", app.url));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(new URL("/api/auth/callback/credentials", app.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: adminUser.email, password: adminUser.password, callbackUrl, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await res.json()) as { url: string };
  return url;
}
