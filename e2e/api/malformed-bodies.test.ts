import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller, SendOptions } from "../support/http";
import { rowCounts } from "../support/rows";

/** Malformed requests from callers who may make them: each gets a 4xx and writes nothing, not even an audit event. */

const TWO_MIB = 2 * 1024 * 1024;

let app: TestApp;
let admin: Caller;
let service: Caller;

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "admin");
  admin = await app.signedIn(user.email, user.password);
  service = app.caller({ bearer: (await seedServiceToken(app.database.db, "*")).token });
});
afterAll(() => app?.stop());

/** A JSON body of about `bytes` bytes, sent in chunks without a content-length. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"service":"big","instance":"big","pad":"'));
    },
    pull(controller) {
      if (sent >= bytes) {
        controller.enqueue(new TextEncoder().encode('"}'));
        return controller.close();
      }
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

const bigJson = () => JSON.stringify({ service: "big", instance: "big", pad: "x".repeat(TWO_MIB) });

interface Case {
  name: string;
  caller: () => Caller;
  method: string;
  path: string;
  send: () => SendOptions;
  status: number;
  /** The paths the 400's `issues` must name. */
  issues?: string[];
}

const cases: Case[] = [
  { name: "bad JSON to create a user", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ raw: '{"email": "a@example.com",', headers: { "content-type": "application/json" } }), status: 400, issues: [""] },
  { name: "bad JSON to create a token", caller: () => admin, method: "POST", path: "/api/v1/tokens", send: () => ({ raw: "name=x", headers: { "content-type": "application/json" } }), status: 400, issues: [""] },
  { name: "bad JSON to report", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ raw: "{'service': 'x'}", headers: { "content-type": "application/json" } }), status: 400, issues: [""] },
  { name: "a number as an email", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ json: { email: 42, role: "viewer" } }), status: 400, issues: ["email"] },
  { name: "an unknown role", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ json: { email: "x@example.com", role: "superuser" } }), status: 400, issues: ["role"] },
  { name: "a string as the disabled flag", caller: () => admin, method: "PATCH", path: "/api/v1/users", send: () => ({ json: { email: "x@example.com", disabled: "yes" } }), status: 400, issues: ["disabled"] },
  { name: "a number as a token name", caller: () => admin, method: "POST", path: "/api/v1/tokens", send: () => ({ json: { name: 7, service: "svc" } }), status: 400, issues: ["name"] },
  { name: "a string as the queue depth", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: { service: "svc", instance: "i", queueDepth: "deep" } }), status: 400, issues: ["queueDepth"] },
  { name: "a nested wrong value", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: { service: "svc", instance: "i", health: { status: "sick" }, breakers: [{ name: "db", state: "ajar" }] } }), status: 400, issues: ["health.status", "breakers.0.state"] },
  { name: "a report without its instance", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: { service: "svc" } }), status: 400, issues: ["instance"] },
  { name: "a user without an email", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ json: { role: "viewer" } }), status: 400, issues: ["email"] },
  { name: "no body at all", caller: () => admin, method: "POST", path: "/api/v1/tokens", send: () => ({}), status: 400 },
  { name: "an array instead of an object", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: [{ service: "svc", instance: "i" }] }), status: 400 },
  { name: "SQL in a service name", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: { service: "x'); DROP TABLE services; --", instance: "i" } }), status: 400, issues: ["service"] },
  { name: "a script in a service name", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ json: { service: "<script>alert(1)</script>", instance: "i" } }), status: 400, issues: ["service"] },
  { name: "SQL in a token name", caller: () => admin, method: "POST", path: "/api/v1/tokens", send: () => ({ json: { name: "t'; DELETE FROM tokens; --", service: "svc" } }), status: 400, issues: ["name"] },
  { name: "SQL in an email", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ json: { email: "a'--@example.com; DROP TABLE users", role: "viewer" } }), status: 400, issues: ["email"] },
  { name: "2 MiB with a content-length to report", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ raw: bigJson(), headers: { "content-type": "application/json" } }), status: 413 },
  { name: "2 MiB with a content-length to create a user", caller: () => admin, method: "POST", path: "/api/v1/users", send: () => ({ raw: bigJson(), headers: { "content-type": "application/json" } }), status: 413 },
  { name: "2 MiB streamed without a content-length", caller: () => service, method: "POST", path: "/api/v1/report", send: () => ({ raw: streamed(TWO_MIB), headers: { "content-type": "application/json" } }), status: 413 },
];

describe("a malformed body", () => {
  it.each(cases)("$name → $status, nothing written", async ({ caller, method, path, send, status, issues }) => {
    const before = await rowCounts(app.database.sql);
    const res = await caller().send(method, path, send());
    const text = await res.text();
    expect(res.status, text).toBe(status);
    const body = JSON.parse(text) as { error: string; issues?: { path: string; message: string }[] };
    expect(body.error).toBe(status === 413 ? "too_large" : "validation");
    if (issues) expect(body.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(issues));
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });
});

describe("hostile strings where any text is allowed", () => {
  it("are stored and returned verbatim, and nothing runs", async () => {
    const instance = `'); DROP TABLE instances; -- <script>alert(1)</script> "quoted" \\ ${"ü"}`;
    const res = await service.post("/api/v1/report", { service: "verbatim", instance, health: { status: "healthy", checks: { "<b>db</b>": "ok'; --" } } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);

    const list = (await (await admin.get("/api/v1/services")).json()) as { services: { name: string; instances: { instance: string; checks: Record<string, string> }[] }[] };
    const stored = list.services.find((s) => s.name === "verbatim")?.instances[0];
    expect(stored).toMatchObject({ instance, checks: { "<b>db</b>": "ok'; --" } });
    const [row] = await app.database.sql<{ instance: string }[]>`select instance from instances where service = 'verbatim'`;
    expect(row?.instance).toBe(instance);
    expect(Object.keys(await rowCounts(app.database.sql))).toEqual(expect.arrayContaining(["instances", "services", "users", "tokens", "audit_events"]));
  });
});
