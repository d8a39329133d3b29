import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollBackFailedBakes } from "@/lib/jobs/config-bakes";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { eventually } from "./sdk-fixture";

const SERVICE = "checkout";

let app: TestApp;
let admin: Caller;
let operator: Caller;
let service: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const a = await seedUser(db, "admin");
  admin = await app.signedIn(a.email, a.password);
  const o = await seedUser(db, "operator");
  operator = await app.signedIn(o.email, o.password);
  service = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

const docOf = (environment: string, of = SERVICE) => `/api/v1/config/${of}/${environment}`;

async function publishAll(environment: string, bodies: Record<string, unknown>[], bakeMinutes?: number, of = SERVICE): Promise<number> {
  let version = 0;
  for (const body of bodies) {
    const res = await admin.post(`${docOf(environment, of)}/versions`, { body, message: `v${version + 1}`, expectedVersion: version, ...(bakeMinutes ? { bakeMinutes } : {}) });
    expect(res.status).toBe(201);
    version = ((await res.json()) as { version: number }).version;
  }
  return version;
}

async function current(environment: string, of = SERVICE): Promise<{ version: number; body: Record<string, unknown> }> {
  return (await (await service.get(docOf(environment, of))).json()) as { version: number; body: Record<string, unknown> };
}

const fireCritical = (alertname: string, labels: Record<string, string> = {}) =>
  service.post("/api/v1/alerts", [{ labels: { alertname, service: SERVICE, severity: "critical", ...labels }, status: "firing" }]);

describe("rollback", () => {
  it("appends a new version whose body equals the target's, with the reason, and audits it", async () => {
    const bodies = [{ flags: { beta: false }, timeoutMs: 1000 }, { flags: { beta: true }, timeoutMs: 800 }, { flags: { beta: true }, timeoutMs: 50 }];
    await publishAll("staging", bodies);
    const res = await admin.post(`${docOf("staging")}/rollback`, { toVersion: 1, reason: "timeouts everywhere", expectedVersion: 3 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ version: 4 });
    expect(await current("staging")).toMatchObject({ version: 4, body: bodies[0] });
    const history = (await (await admin.get(`${docOf("staging")}/versions`)).json()) as { versions: { version: number; rollbackOf: number | null; message: string }[] };
    expect(history.versions[0]).toMatchObject({ version: 4, rollbackOf: 1, message: "timeouts everywhere" });
    const [event] = await app.database.sql`select action, target, reason from audit_events where action = 'config.rollback' order by id desc limit 1`;
    expect(event).toEqual({ action: "config.rollback", target: `config:${SERVICE}/staging`, reason: "timeouts everywhere" });
  });

  it("follows the same compare-and-swap rule as a publish, and needs a reason", async () => {
    const stale = await admin.post(`${docOf("staging")}/rollback`, { toVersion: 2, reason: "again", expectedVersion: 3 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 4 });
    expect((await admin.post(`${docOf("staging")}/rollback`, { toVersion: 2, expectedVersion: 4 })).status).toBe(400);
    expect((await admin.post(`${docOf("staging")}/rollback`, { toVersion: 4, reason: "to itself", expectedVersion: 4 })).status).toBe(422);
    expect((await admin.post(`${docOf("staging")}/rollback`, { toVersion: 99, reason: "to nothing", expectedVersion: 4 })).status).toBe(422);
  });
});

describe("a bake", () => {
  it("rolls back by itself when a critical alert of the service fires during it, and says so through an alert", async () => {
    const good = { pool: 10 };
    await publishAll("production", [good, { pool: 0 }], 30);
    expect((await fireCritical("PoolExhausted")).status).toBe(202);
    const rolledBack = await eventually("the automatic rollback", async () => {
      const now = await current("production");
      return now.version === 3 ? now : undefined;
    });
    expect(rolledBack.body).toEqual(good);
    const history = (await (await admin.get(`${docOf("production")}/versions`)).json()) as { bake: unknown; versions: { version: number; author: string; message: string; bake: unknown }[] };
    expect(history.bake).toBeNull();
    expect(history.versions[0]).toMatchObject({ version: 3, author: "config-bake", message: expect.stringContaining("PoolExhausted") });
    expect(history.versions[1]).toMatchObject({ version: 2, bake: { outcome: "rolled_back", alertName: "PoolExhausted" } });
    const notice = (await (await admin.get(`/api/v1/alerts?service=${SERVICE}`)).json()) as { alerts: { labels: Record<string, string> }[] };
    expect(notice.alerts.map((a) => a.labels.alertname)).toContain("ConfigRolledBack");
  });

  it("no longer acts once the bake time is over", async () => {
    // A service of its own, so that no alert of the tests before falls into the shifted bake.
    const late = "ledger";
    await publishAll("production", [{ pool: 10 }, { pool: 0 }], 30, late);
    // The bake time passes: as if it had started half an hour ago.
    await app.database.sql`update config_bakes set started_at = now() - interval '30 minutes', until = now() - interval '1 second' where service = ${late}`;
    expect((await fireCritical("LateAlarm", { service: late })).status).toBe(202);
    await rollBackFailedBakes(app.database.db);
    expect((await current("production", late)).version).toBe(2);
  });

  it("ignores an alert of another environment, and an operator can end it early", async () => {
    const version = (await current("production")).version;
    const res = await admin.post(`${docOf("production")}/versions`, { body: { pool: 12 }, message: "bigger pool", expectedVersion: version, bakeMinutes: 30 });
    expect(res.status).toBe(201);
    expect((await fireCritical("StagingOnly", { environment: "staging" })).status).toBe(202);
    await rollBackFailedBakes(app.database.db);
    expect((await current("production")).version).toBe(version + 1);

    expect((await operator.delete(`${docOf("production")}/bake`, { reason: "looks healthy" })).status).toBe(200);
    expect((await operator.delete(`${docOf("production")}/bake`, { reason: "again" })).status).toBe(409);
    expect((await fireCritical("AfterTheEnd")).status).toBe(202);
    await rollBackFailedBakes(app.database.db);
    expect((await current("production")).version).toBe(version + 1);
  });
});
