import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketOf } from "@/lib/domain/config/rollout/bucket";
import { watchRollouts } from "@/lib/jobs/rollout-steps";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { rowCounts } from "../support/rows";
import { sseReader } from "../support/sse";
import { eventually } from "./sdk-fixture";

/**
 * Progressive rollouts against a real console and PostgreSQL: who gets which version is read off
 * the control document each instance is served, and the guard is fed by reports over HTTP. The
 * console's own job runs alongside; the test also runs the job itself, as a second process would.
 */
let app: TestApp;
let admin: Caller;
let viewer: Caller;
let service: Caller;

const FLEET = Array.from({ length: 40 }, (_, i) => `node-${i}`);
const guard = { breakerOpenFraction: 0.2, errorRateAbove: 0.1 };
// Long steps: only the test's advances move them, unless a test says otherwise.
const HOUR = 3600;

beforeAll(async () => {
  app = await startApp();
  const a = await seedUser(app.database.db, "admin");
  admin = await app.signedIn(a.email, a.password);
  const v = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(v.email, v.password);
  service = app.caller({ bearer: (await seedServiceToken(app.database.db, "*")).token });
});
afterAll(() => app?.stop());

const doc = (name: string) => `/api/v1/config/${name}/production`;

async function publish(name: string, body: Record<string, unknown>, expectedVersion: number, rollout?: unknown): Promise<Response> {
  return admin.post(`${doc(name)}/versions`, { body, message: `publish ${JSON.stringify(body)}`, expectedVersion, ...(rollout ? { rollout } : {}) });
}

/** The config version the control document names for one instance. */
async function versionServed(name: string, instance: string): Promise<number> {
  const res = await service.get(`/api/v1/control/${name}?instance=${instance}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { config: Record<string, { version: number }> }).config.production!.version;
}

async function onNewVersion(name: string, version: number): Promise<string[]> {
  const served = await Promise.all(FLEET.map(async (instance) => [instance, await versionServed(name, instance)] as const));
  return served.filter(([, v]) => v === version).map(([instance]) => instance);
}

type RolloutAnswer = { rollout: { status: string; step: number; percent: number; version: number; instances: Record<string, number>; readings: { tripped: string[] } | null } | null };
const rolloutOf = async (name: string) => (await (await viewer.get(`${doc(name)}/rollout`)).json()) as RolloutAnswer;

function report(name: string, instance: string, configVersion: number, breakers: { name: string; state: string; failures?: number; successes?: number }[] = []) {
  return service.post("/api/v1/report", { service: name, instance, configVersion, breakers });
}

describe("a rollout's steps", () => {
  it("hand the new version to the instances whose stable bucket the step passes, through the control document", async () => {
    const name = "rollout-steps";
    expect((await publish(name, { pool: 10 }, 0)).status).toBe(201);
    expect((await publish(name, { pool: 20 }, 1, { steps: [10, 50, 100], stepSeconds: HOUR, guard })).status).toBe(201);

    const attention = (await (await viewer.get("/api/v1/attention")).json()) as { rollouts: { service: string }[] };
    expect(attention.rollouts).toContainEqual(expect.objectContaining({ service: name, environment: "production", version: 2, status: "running", percent: 10, step: 1, steps: 3 }));

    const byBucket = (percent: number) => FLEET.filter((i) => bucketOf(i) < percent).sort();
    const atTen = await onNewVersion(name, 2);
    expect(atTen.sort()).toEqual(byBucket(10));
    // The same names, read again: buckets are stable.
    expect((await onNewVersion(name, 2)).sort()).toEqual(atTen);
    for (const instance of FLEET.filter((i) => !atTen.includes(i))) expect(await versionServed(name, instance)).toBe(1);

    // A report's answer is the same document.
    const covered = atTen[0]!;
    const answer = (await (await report(name, covered, 1)).json()) as { config: Record<string, { version: number }> };
    expect(answer.config.production!.version).toBe(2);

    expect((await admin.post(`${doc(name)}/rollout/advance`, {})).status).toBe(200);
    const atFifty = (await onNewVersion(name, 2)).sort();
    expect(atFifty).toEqual(byBucket(50));
    expect(atTen.every((i) => atFifty.includes(i))).toBe(true);

    expect((await admin.post(`${doc(name)}/rollout/advance`, {})).status).toBe(200);
    expect((await onNewVersion(name, 2)).length).toBe(FLEET.length);
    expect(await rolloutOf(name)).toMatchObject({ rollout: { status: "running", step: 3, percent: 100 } });

    expect((await admin.post(`${doc(name)}/rollout/advance`, {})).status).toBe(200);
    expect(await rolloutOf(name)).toMatchObject({ rollout: { status: "completed" } });
    expect((await admin.post(`${doc(name)}/rollout/advance`, {})).status).toBe(409);
    const audited = await app.database.sql`select count(*)::int as n from audit_events where action = 'config.rollout.advance' and outcome = 'ok' and target = ${`config:${name}/production`}`;
    expect(audited[0]!.n).toBe(3);
  });

  it("pushes the new body on the stream to an instance once a step newly covers it", async () => {
    const name = "rollout-stream";
    expect((await publish(name, { pool: 1 }, 0)).status).toBe(201);
    expect((await publish(name, { pool: 2 }, 1, { steps: [10, 50, 100], stepSeconds: HOUR, guard })).status).toBe(201);
    const instance = FLEET.find((i) => bucketOf(i) >= 10 && bucketOf(i) < 50)!;
    const events = sseReader(await service.get(`/api/v1/control/${name}/stream?instance=${instance}&environment=production`));
    const nextConfig = async () => {
      for (;;) {
        const event = await events.next();
        if (event.event === "config") return JSON.parse(event.data) as { version: number; body: unknown };
      }
    };
    expect(await nextConfig()).toMatchObject({ version: 1, body: { pool: 1 } });
    expect((await admin.post(`${doc(name)}/rollout/advance`, {})).status).toBe(200);
    expect(await nextConfig()).toMatchObject({ version: 2, body: { pool: 2 } });
    await events.close();
  });

  it("move on by themselves after stepSeconds, once, however many processes watch", async () => {
    const name = "rollout-timed";
    expect((await publish(name, { pool: 1 }, 0)).status).toBe(201);
    expect((await publish(name, { pool: 2 }, 1, { steps: [10, 100], stepSeconds: 1, guard })).status).toBe(201);
    // The console's job and two more watchers race for each step.
    const done = await eventually(
      "the rollout completes",
      async () => {
        await Promise.all([watchRollouts(app.database.db), watchRollouts(app.database.db)]);
        const { rollout } = await rolloutOf(name);
        return rollout?.status === "completed" ? rollout : undefined;
      },
      15_000,
    );
    expect(done.version).toBe(2);
    const steps = await app.database.sql`
      select actor, after->>'status' as status from audit_events where action = 'config.rollout.advance' and outcome = 'ok' and target = ${`config:${name}/production`} order by id`;
    expect(steps.map((s) => s.status)).toEqual(["running", "completed"]);
    expect(steps.every((s) => s.actor === "config-rollout")).toBe(true);
  });

  it("refuses a bad plan with a 400 that writes nothing, and a rollout of a first version with a 422", async () => {
    const name = "rollout-refused";
    expect((await publish(name, { pool: 1 }, 0)).status).toBe(201);
    const before = await rowCounts(app.database.sql);
    for (const rollout of [
      { steps: [50, 10, 100], stepSeconds: 60 },
      { steps: [10, 50], stepSeconds: 60 },
      { steps: [10, 100], stepSeconds: 0 },
      { steps: [10, 100], stepSeconds: 60, guard: { breakerOpenFraction: 2, errorRateAbove: 0.1 } },
    ]) {
      const res = await publish(name, { pool: 2 }, 1, rollout);
      expect(res.status).toBe(400);
    }
    expect((await publish("rollout-first", { pool: 1 }, 0, { steps: [100], stepSeconds: 60 })).status).toBe(422);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });
});

describe("a rollout's guard", () => {
  it("trips only on reports from instances on the new version, and rolls back once, as the system", async () => {
    const name = "rollout-guarded";
    expect((await publish(name, { upstream: "stable" }, 0)).status).toBe(201);
    expect((await publish(name, { upstream: "broken" }, 1, { steps: [50, 100], stepSeconds: HOUR, guard })).status).toBe(201);
    const fresh = await onNewVersion(name, 2);
    const stale = FLEET.filter((i) => !fresh.includes(i));
    const [covered, uncovered] = [fresh.slice(0, 4), stale.slice(0, 4)];
    expect(covered.length).toBe(4);
    expect(uncovered.length).toBe(4);
    const healthy = [{ name: "payments-db", state: "closed", failures: 0, successes: 50 }];
    const failing = [{ name: "payments-db", state: "open", failures: 45, successes: 5 }];

    // Each instance runs what its document names, healthy at first.
    for (const i of covered) expect((await report(name, i, 2, healthy)).status).toBe(200);
    for (const i of uncovered) expect((await report(name, i, 1, healthy)).status).toBe(200);

    // Trouble on the old version is not the new version's fault.
    for (const i of uncovered) expect((await report(name, i, 1, failing)).status).toBe(200);
    await watchRollouts(app.database.db);
    const calm = await rolloutOf(name);
    expect(calm.rollout).toMatchObject({ status: "running", instances: { onNewVersion: 4, onOldVersion: 4 }, readings: { tripped: [] } });
    expect(await versionServed(name, covered[0]!)).toBe(2);

    // The old side heals; the new side fails.
    for (const i of uncovered) expect((await report(name, i, 1, healthy)).status).toBe(200);
    for (const i of covered) expect((await report(name, i, 2, failing)).status).toBe(200);
    await Promise.all([watchRollouts(app.database.db), watchRollouts(app.database.db)]);
    const halted = await eventually("the guard halts the rollout", async () => {
      const { rollout } = await rolloutOf(name);
      return rollout?.status === "halted" ? rollout : undefined;
    });
    expect(halted.readings?.tripped).toEqual(expect.arrayContaining(["breakerOpenFraction", "errorRateAbove"]));
    await Promise.all([watchRollouts(app.database.db), watchRollouts(app.database.db)]);

    const versions = await app.database.sql`
      select version, author, message, rollback_of, body from config_versions where service = ${name} order by version`;
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions[2]).toMatchObject({ author: "config-rollout", rollback_of: 1, body: { upstream: "stable" } });
    expect(versions[2]!.message).toMatch(/breakers open 100% on the new version \(4\/4 across 4 instances\) vs 0% on the old/);
    for (const i of [...covered, ...uncovered]) expect(await versionServed(name, i)).toBe(3);

    const audits = await app.database.sql`
      select actor, reason from audit_events where action = 'config.rollback' and outcome = 'ok' and target = ${`config:${name}/production`}`;
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor).toBe("config-rollout");
    const alerts = (await (await admin.get(`/api/v1/alerts?service=${name}`)).json()) as { alerts: { labels: Record<string, string>; annotations: Record<string, string> }[] };
    const raised = alerts.alerts.filter((a) => a.labels.alertname === "ConfigRolloutHalted");
    expect(raised).toHaveLength(1);
    expect(raised[0]!.annotations.description).toContain("breakers open");
  });

  it("lets an admin pause it, and abort it back to the version it started from; a viewer may only read", async () => {
    const name = "rollout-aborted";
    expect((await publish(name, { pool: 1 }, 0)).status).toBe(201);
    expect((await publish(name, { pool: 2 }, 1, { steps: [10, 100], stepSeconds: HOUR, guard })).status).toBe(201);
    expect((await viewer.post(`${doc(name)}/rollout/pause`, {})).status).toBe(403);
    expect((await admin.post(`${doc(name)}/rollout/pause`, { reason: "watching the graphs" })).status).toBe(200);
    expect((await admin.post(`${doc(name)}/rollout/pause`, {})).status).toBe(409);
    expect(await rolloutOf(name)).toMatchObject({ rollout: { status: "paused", step: 1 } });
    const aborted = await admin.post(`${doc(name)}/rollout/abort`, { reason: "not today" });
    expect(aborted.status).toBe(200);
    expect(await aborted.json()).toEqual({ version: 3 });
    expect(await rolloutOf(name)).toMatchObject({ rollout: { status: "aborted" } });
    for (const i of FLEET.slice(0, 10)) expect(await versionServed(name, i)).toBe(3);
    expect((await admin.post(`${doc(name)}/rollout/abort`, { reason: "again" })).status).toBe(409);
  });
});
