import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { DAY, dayOf, ensurePartitions, partitionDays } from "@/lib/domain/metrics/partitions";
import { rollUpHours } from "@/lib/domain/metrics/rollups";
import { rollPartitions } from "@/lib/jobs/metrics-partitions";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { startCluster, type TestCluster } from "../support/cluster";
import type { Caller } from "../support/http";
import { recordWrites, releaseTogether, writesTo } from "../support/job-gate";
import { until } from "../support/until";

/**
 * Two consoles on one database, both running their job loops: each job's due work is made due
 * while the test holds the table the job reads first, so both loops queue behind it and reach
 * the work at the same moment. Every check is a count that would be 2 if both processes acted.
 */

let cluster: TestCluster;
let admin: Caller;
let fleet: Caller;
const HOUR = 3_600_000;

beforeAll(async () => {
  cluster = await startCluster(2);
  const { db, sql } = cluster.database;
  const [a, b] = cluster.nodes;
  admin = b!.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  fleet = a!.caller({ bearer: (await seedServiceToken(db, "*")).token });
  await recordWrites(sql, "alert_rules", "evaluated_at");
  await recordWrites(sql, "metric_rollup_state", "rolled_until");
}, 240_000);
afterAll(() => cluster?.stop());

const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
const audits = (action: string, target: string) =>
  count(cluster.database.sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = ${action} and outcome = 'ok' and target = ${target}`);

async function pushGauge(service: string, name: string, value: number, at = Date.now()): Promise<void> {
  expect((await fleet.post("/api/v1/metrics", [{ service, name, kind: "gauge", value, ts: new Date(at).toISOString() }])).status).toBe(202);
}

/** Waits until the points are stored: the intake answers before its batch is written. */
async function stored(service: string, name: string, points: number): Promise<void> {
  const read = () => count(cluster.database.sql<{ n: number }[]>`
    select count(*)::int as n from metric_points p join metric_series s on s.id = p.series_id where s.service = ${service} and s.name = ${name}`);
  expect(await until(read, (n) => n >= points)).toBe(points);
}

describe("the jobs of two processes reaching the same work at once", () => {
  it("evaluates each rule once per round and fires its alert once", { timeout: 120_000 }, async () => {
    const service = unique("ruled");
    const names = Array.from({ length: 6 }, () => unique("RaceRule"));
    for (const name of names) {
      const rule = { name, service, metric: "queue_depth", aggregation: "max", windowSeconds: 300, comparator: ">", threshold: 10, forSeconds: 0, severity: "warning" };
      expect((await admin.post("/api/v1/rules", rule)).status).toBe(201);
    }
    const { sql } = cluster.database;
    const ids = (await sql<{ id: number }[]>`select id from alert_rules where name in ${sql(names)}`).map((r) => String(r.id));
    // Evaluated once without data, so none is due again before the gate makes it so.
    const unevaluated = () => count(sql<{ n: number }[]>`select count(*)::int as n from alert_rules where name in ${sql(names)} and evaluated_at is null`);
    expect(await until(unevaluated, (n) => n === 0)).toBe(0);
    let released = new Date();
    await releaseTogether(sql, "alert_rules", 2, async (tx) => {
      // A loop takes the time it evaluates at before it queues, so the point is older than any of those.
      await pushGauge(service, "queue_depth", 50, Date.now() - 60_000);
      await stored(service, "queue_depth", 1);
      await tx`update alert_rules set evaluated_at = null where name in ${sql(names)}`;
      released = new Date();
    });
    const evaluatedSince = async () => (await writesTo(sql, "alert_rules")).filter((w) => ids.includes(w.rowId!) && w.at >= released.getTime());
    expect(new Set((await until(evaluatedSince, (w) => new Set(w.map((e) => e.rowId)).size === ids.length, 60_000)).map((e) => e.rowId)).size).toBe(ids.length);
    const firing = () => count(sql<{ n: number }[]>`select count(*)::int as n from alerts where labels->>'alertname' in ${sql(names)} and state = 'firing'`);
    expect(await firing()).toBe(names.length);
    const fired = await sql<{ name: string; n: number }[]>`
      select al.labels->>'alertname' as name, count(e.id)::int as n from alerts al join alert_events e on e.alert_id = al.id and e.kind = 'fired'
      where al.labels->>'alertname' in ${sql(names)} group by 1 order by 1`;
    expect(fired).toEqual([...names].sort().map((name) => ({ name, n: 1 })));
    // Every round is 15 s apart per rule; two evaluations of one rule closer than that mean two processes took it.
    const evaluations = await evaluatedSince();
    for (const id of ids) {
      const times = evaluations.filter((w) => w.rowId === id).map((w) => w.at);
      expect(times.length).toBeGreaterThanOrEqual(1);
      expect(times.slice(1).every((t, i) => t - times[i]! >= 10_000)).toBe(true);
    }
  });

  it("applies each due schedule once, with one audit event each", { timeout: 120_000 }, async () => {
    const services = Array.from({ length: 8 }, () => unique("sched-race"));
    const ids: number[] = [];
    for (const service of services) {
      expect((await fleet.post("/api/v1/report", { service, instance: `${service}-1`, modes: ["normal", "shed_load"] })).status).toBe(200);
      const res = await admin.post("/api/v1/schedules", { kind: "mode_flip", at: new Date(Date.now() + HOUR).toISOString(), service, mode: "shed_load", reason: "race" });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: number }).id);
    }
    const { sql } = cluster.database;
    await releaseTogether(sql, "schedules", 2, (tx) => tx`update schedules set at = now() - interval '1 second' where id in ${sql(ids)}`);

    const pending = () => count(sql<{ n: number }[]>`select count(*)::int as n from schedules where id in ${sql(ids)} and status = 'pending'`);
    expect(await until(pending, (n) => n === 0, 60_000)).toBe(0);
    expect(await count(sql<{ n: number }[]>`select count(*)::int as n from schedules where id in ${sql(ids)} and status = 'applied'`)).toBe(ids.length);
    expect(await Promise.all(ids.map((id) => audits("schedule.apply", `schedule:${id}`)))).toEqual(ids.map(() => 1));
    expect(await Promise.all(services.map((s) => audits("mode.set", `service:${s}`)))).toEqual(services.map(() => 1));
    const changes = await sql<{ n: number }[]>`select count(*)::int as n from mode_changes where service in ${sql(services)} group by service`;
    expect(changes.map((c) => c.n)).toEqual(services.map(() => 1));
  });

  it("advances each due rollout step once", { timeout: 120_000 }, async () => {
    const services = Array.from({ length: 4 }, () => unique("rollout-race"));
    const guard = { breakerOpenFraction: 0.2, errorRateAbove: 0.1 };
    for (const service of services) {
      const doc = `/api/v1/config/${service}/production`;
      expect((await admin.post(`${doc}/versions`, { body: { pool: 1 }, message: "v1", expectedVersion: 0 })).status).toBe(201);
      const rollout = { steps: [10, 50, 100], stepSeconds: 3_600, guard };
      expect((await admin.post(`${doc}/versions`, { body: { pool: 2 }, message: "v2", expectedVersion: 1, rollout })).status).toBe(201);
    }
    const { sql } = cluster.database;
    await releaseTogether(sql, "config_rollouts", 2, (tx) => tx`update config_rollouts set step_started_at = now() - interval '2 hours' where service in ${sql(services)}`);

    const moved = () => count(sql<{ n: number }[]>`select count(*)::int as n from config_rollouts where service in ${sql(services)} and step > 0`);
    expect(await until(moved, (n) => n === services.length, 60_000)).toBe(services.length);
    // The next step lasts an hour again, so nothing else moves it; a second advance would have.
    expect((await sql<{ step: number }[]>`select step from config_rollouts where service in ${sql(services)}`).map((r) => r.step)).toEqual(services.map(() => 1));
    expect(await Promise.all(services.map((s) => audits("config.rollout.advance", `config:${s}/production`)))).toEqual(services.map(() => 1));
  });
});

/**
 * Rollups run once a minute and partitions every ten minutes in each process, too seldom to line
 * the consoles up in a test; four sessions of this process (each its own connection, as each
 * process has its own) run the very job at once instead, while the consoles' own loops run too.
 */
describe("the hourly jobs run from four sessions at once", () => {
  const sessions = () => Array.from({ length: 4 }, () => connect(cluster.databaseUrl, 1));

  it("rolls an hour up once", { timeout: 120_000 }, async () => {
    const service = unique("rolled");
    const hourStart = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
    for (const minute of [5, 20, 40]) await pushGauge(service, "depth", minute, hourStart + minute * 60_000);
    await stored(service, "depth", 3);
    const { sql } = cluster.database;
    let before = 0;
    const pools = sessions();
    try {
      let rolls: Promise<number[]> | undefined;
      await releaseTogether(sql, "metric_rollup_state", 1, async (tx) => {
        // Counted under the lock: a console's own rollup cannot move the state meanwhile.
        before = (await writesTo(sql, "metric_rollup_state")).length;
        await tx`update metric_rollup_state set rolled_until = ${new Date(hourStart).toISOString()}::timestamptz`;
        rolls = Promise.all(pools.map((p) => rollUpHours(p.db)));
      });
      expect((await rolls!).filter((hours) => hours > 0).length).toBeLessThanOrEqual(1);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    expect((await writesTo(sql, "metric_rollup_state")).length - before).toBe(1);
    const hourly = await sql<{ count: number; sum: number }[]>`
      select h.count::int as count, h.sum from metric_points_hourly h join metric_series s on s.id = h.series_id where s.service = ${service}`;
    expect(hourly).toEqual([{ count: 3, sum: 65 }]);
  });

  it("drops an expired day once and keeps the days ahead", { timeout: 120_000 }, async () => {
    const { db, sql } = cluster.database;
    const expired = dayOf(Date.now()) - 30 * DAY;
    await ensurePartitions(db, [expired]);
    const pools = sessions();
    try {
      let rolls: Promise<number[][]> | undefined;
      await releaseTogether(sql, "metric_points", 1, async () => {
        rolls = Promise.all(pools.map((p) => rollPartitions(p.db, Date.now(), 14)));
      });
      // A console's own roll may be the one queued at the gate; then none of these drops the day.
      expect((await rolls!).filter((days) => days.length > 0).length).toBeLessThanOrEqual(1);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    const days = await partitionDays(db);
    expect(days).not.toContain(expired);
    expect(days).toEqual(expect.arrayContaining([0, 1, 2].map((i) => dayOf(Date.now()) + i * DAY)));
  });
});
