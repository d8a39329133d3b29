import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlDocument } from "@/lib/domain/control/document";
import { MASK } from "@/lib/domain/audit/mask";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId, rowCounts } from "../support/rows";

const SERVICE = "rag-api";
const DOC = `/api/v1/config/${SERVICE}/production`;

let app: TestApp;
let admin: Caller;
let viewer: Caller;
let operator: Caller;
let service: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const signedIn = async (role: "viewer" | "operator" | "admin") => {
    const user = await seedUser(db, role);
    return app.signedIn(user.email, user.password);
  };
  [admin, viewer, operator] = await Promise.all([signedIn("admin"), signedIn("viewer"), signedIn("operator")]);
  service = app.caller({ bearer: (await seedServiceToken(db, SERVICE)).token });
});
afterAll(() => app?.stop());

const publish = (caller: Caller, json: unknown, doc = DOC) => caller.post(`${doc}/versions`, json);

async function currentVersion(): Promise<number> {
  const res = await viewer.get(`${DOC}/versions?limit=1`);
  return ((await res.json()) as { currentVersion: number }).currentVersion;
}

describe("publishing", () => {
  it("lets exactly one of 50 concurrent publishes on the same version through, without gaps or a broken audit chain", async () => {
    const doc = `/api/v1/config/${SERVICE}/staging`;
    expect((await publish(admin, { body: { round: 0 }, message: "first", expectedVersion: 0 }, doc)).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => publish(admin, { body: { round: 1, writer: i }, message: `writer ${i}`, expectedVersion: 1 }, doc)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const res of answers.filter((r) => r.status === 409)) expect(await res.json()).toMatchObject({ error: "conflict", currentVersion: 2 });

    const history = (await (await viewer.get(`${doc}/versions`)).json()) as { currentVersion: number; versions: { version: number }[] };
    expect(history.currentVersion).toBe(2);
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await (await admin.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true, firstBadId: null });
  });

  it("answers 422 listing every schema violation with its path, and writes nothing", async () => {
    const schema = {
      type: "object",
      required: ["model", "limits"],
      properties: { model: { type: "string" }, limits: { type: "object", properties: { rps: { type: "integer", minimum: 1 } } }, endpoint: { type: "string", format: "uri" } },
    };
    expect((await admin.send("PUT", `${DOC}/schema`, { json: { schema } })).status).toBe(200);
    const before = await rowCounts(app.database.sql);
    const res = await publish(admin, { body: { limits: { rps: 0 }, endpoint: "not a uri" }, message: "broken", expectedVersion: 0 });
    expect(res.status).toBe(422);
    const { issues } = (await res.json()) as { issues: { path: string; message: string }[] };
    expect(issues.map((i) => i.path).sort()).toEqual(["body.endpoint", "body.limits.rps", "body.model"]);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });

  it("refuses a schema that is not one", async () => {
    expect((await admin.send("PUT", `${DOC}/schema`, { json: { schema: { type: 12 } } })).status).toBe(422);
  });

  it("publishes a valid body and carries its version in the control document", async () => {
    const body = { model: "gpt-large", limits: { rps: 20 }, db: { host: "db.internal", password: "hunter2" } };
    const res = await publish(admin, { body, message: "first production config", expectedVersion: 0 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ version: 1 });
    const control = (await (await service.get(`/api/v1/control/${SERVICE}`)).json()) as ControlDocument;
    expect(control.config).toEqual({ production: { version: 1 }, staging: { version: 2 } });
  });

  it("wakes a long-polling instance as soon as a version is published", async () => {
    const first = await service.get(`/api/v1/control/${SERVICE}`);
    const etag = first.headers.get("etag")!;
    const waiting = service.get(`/api/v1/control/${SERVICE}?wait=30`, { headers: { "if-none-match": etag } });
    const version = await currentVersion();
    expect((await publish(admin, { body: { model: "gpt-large", limits: { rps: 25 }, db: { host: "db.internal", password: MASK } }, message: "more rps", expectedVersion: version })).status).toBe(201);
    const woken = await waiting;
    expect(woken.status).toBe(200);
    expect(((await woken.json()) as ControlDocument).config.production).toEqual({ version: version + 1 });
  });

  it("keeps the stored secret where the edited body still shows the mask", async () => {
    const res = await service.get(DOC);
    expect(((await res.json()) as { body: { db: { password: string } } }).body.db.password).toBe("hunter2");
  });
});

describe("reading", () => {
  it("gives a service its config as published, with an ETag, and 304 when it has it", async () => {
    const res = await service.get(DOC);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag");
    expect(etag).toBe(`"${await currentVersion()}"`);
    expect(await res.json()).toMatchObject({ version: await currentVersion(), publishedBy: expect.stringContaining("@"), body: { db: { password: "hunter2" } } });
    expect((await service.get(DOC, { headers: { "if-none-match": etag! } })).status).toBe(304);
  });

  it("answers 404 where nothing was published", async () => {
    expect((await service.get(`/api/v1/config/${SERVICE}/development`)).status).toBe(404);
  });

  it("masks secrets for people in the config, the diff and the audit log", async () => {
    const text = await (await viewer.get(DOC)).text();
    expect(text).not.toContain("hunter2");
    expect(text).toContain(MASK);
    await publish(admin, { body: { model: "gpt-large", limits: { rps: 25 }, db: { host: "db.internal", password: "swordfish" } }, message: "rotate", expectedVersion: await currentVersion() });
    const diff = await (await viewer.get(`${DOC}/diff?from=1&to=${await currentVersion()}`)).json();
    expect(diff).toMatchObject({ changes: expect.arrayContaining([{ kind: "change", path: ["db", "password"], before: MASK, after: MASK }]) });
    expect(JSON.stringify(diff)).not.toMatch(/hunter2|swordfish/);
    const audit = await app.database.sql`select before, after from audit_events where target = ${`config:${SERVICE}/production`} and action = 'config.publish'`;
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toMatch(/hunter2|swordfish/);
  });

  it("reveals a version's secrets to an admin only, and audits it", async () => {
    const version = await currentVersion();
    expect((await operator.post(`${DOC}/versions/${version}/reveal`)).status).toBe(403);
    const auditBefore = await lastAuditId(app.database.sql);
    const res = await admin.post(`${DOC}/versions/${version}/reveal`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version, body: { db: { password: "swordfish" } } });
    expect(await auditAfter(app.database.sql, auditBefore)).toMatchObject([{ action: "config.reveal", target: `config:${SERVICE}/production`, outcome: "ok" }]);
  });
});

describe("refusals", () => {
  it("gives a viewer and an operator 403 on publish and rollback, writing only the refusal", async () => {
    const version = await currentVersion();
    for (const caller of [viewer, operator]) {
      const before = await rowCounts(app.database.sql);
      expect((await publish(caller, { body: { a: 1 }, message: "sneaky", expectedVersion: version })).status).toBe(403);
      expect((await caller.post(`${DOC}/rollback`, { toVersion: 1, reason: "sneaky", expectedVersion: version })).status).toBe(403);
      expect(await rowCounts(app.database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 2 });
    }
  });

  it.each([
    ["a body that is not an object", { body: [1, 2], message: "m", expectedVersion: 0 }, 400],
    ["no message", { body: {}, expectedVersion: 0 }, 400],
    ["a negative expectedVersion", { body: {}, message: "m", expectedVersion: -1 }, 400],
    ["a bake of no minutes", { body: {}, message: "m", expectedVersion: 0, bakeMinutes: 0 }, 400],
    ["a stale expectedVersion", { body: {}, message: "m", expectedVersion: 0 }, 409],
    ["a mask with no stored secret", { body: { apiKey: MASK }, message: "m", expectedVersion: -2 }, 422],
  ])("refuses %s and writes nothing", async (_, json, status) => {
    const request = json.expectedVersion === -2 ? { ...json, expectedVersion: await currentVersion() } : json;
    const before = await rowCounts(app.database.sql);
    expect((await publish(admin, request)).status).toBe(status);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });

  it("refuses an environment nobody added", async () => {
    expect((await publish(admin, { body: {}, message: "m", expectedVersion: 0 }, `/api/v1/config/${SERVICE}/moon`)).status).toBe(404);
  });
});
