import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, dayOf, ensurePartitions, partitionDays, partitionName } from "@/lib/domain/metrics/partitions";
import { rollUpHours } from "@/lib/domain/metrics/rollups";
import { DAYS_AHEAD, rollPartitions } from "@/lib/jobs/metrics-partitions";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

let app: TestApp;
let viewer: Caller;
const HOUR = 3_600_000;
const end = Date.now();
const start = end - HOUR;

interface Answer {
  stepSeconds: number;
  series: { tags: Record<string, string>; points: [string, number][] }[];
}

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
  // An hour of one point a second for two hosts, as two batches of the largest size allowed.
  const { token } = await seedServiceToken(app.database.db, "dense");
  for (const host of ["a", "b"]) {
    for (let part = 0; part < 3_600; part += 1_800) {
      const points = Array.from({ length: 1_800 }, (_, i) => ({
        service: "dense",
        name: "cpu",
        kind: "gauge",
        value: host === "a" ? 1 : 3,
        ts: new Date(start + (part + i) * 1_000).toISOString(),
        tags: { host },
      }));
      const res = await app.caller({ bearer: token }).post("/api/v1/metrics", points);
      if (res.status !== 202) throw new Error(`seeding answered ${res.status}: ${await res.text()}`);
    }
  }
});
afterAll(() => app?.stop());

const query = async (params: Record<string, string | number>): Promise<Answer> => {
  const search = new URLSearchParams({ service: "dense", name: "cpu", from: new Date(start).toISOString(), to: new Date(end).toISOString(), ...params } as Record<string, string>);
  const res = await viewer.get(`/api/v1/metrics/query?${search}`);
  expect(res.status).toBe(200);
  return res.json() as Promise<Answer>;
};

describe("GET /api/v1/metrics/query", () => {
  it.each([1, 2, 7, 59, 300, 1_000, 2_000])("never returns more than maxPoints=%i points per series", async (maxPoints) => {
    const answer = await query({ maxPoints });
    expect(answer.series.map((s) => s.tags)).toEqual([{ host: "a" }, { host: "b" }]);
    for (const { points } of answer.series) {
      expect(points.length).toBeLessThanOrEqual(maxPoints);
      // One point a second fills every interval.
      expect(points).toHaveLength(Math.ceil(3_600 / answer.stepSeconds));
    }
  });

  it("holds the mean of each interval, and merges series with groupBy and agg", async () => {
    const [a, b] = (await query({ maxPoints: 4 })).series;
    expect(a!.points.every(([, v]) => v === 1)).toBe(true);
    expect(b!.points.every(([, v]) => v === 3)).toBe(true);

    const merged = await query({ maxPoints: 4, groupBy: "", agg: "sum" });
    expect(merged.series).toHaveLength(1);
    expect(merged.series[0]!.points.map(([, v]) => v)).toEqual(Array(merged.series[0]!.points.length).fill(4));
    expect((await query({ maxPoints: 4, groupBy: "host", agg: "max" })).series.map((s) => s.tags)).toEqual([{ host: "a" }, { host: "b" }]);
  });

  it("filters series by tags", async () => {
    expect((await query({ tags: "host=b" })).series.map((s) => s.tags)).toEqual([{ host: "b" }]);
  });

  it("reads long ranges from the hourly rollups, before and after the hours are rolled, never over maxPoints", async () => {
    const week = { from: new Date(end - 7 * DAY).toISOString(), maxPoints: 20 };
    const check = async () => {
      const answer = await query(week);
      expect(answer.stepSeconds % 3_600).toBe(0);
      expect(answer.series).toHaveLength(2);
      // The hour of points falls in one or two of the 9-hour intervals.
      for (const s of answer.series) expect(s.points.length === 1 || s.points.length === 2).toBe(true);
      expect(answer.series.flatMap((s) => s.points.map(([, v]) => v))).toEqual(expect.arrayContaining([1, 3]));
      for (const s of answer.series) expect(new Set(s.points.map(([, v]) => v)).size).toBe(1);
      expect((await query({ ...week, groupBy: "", agg: "sum" })).series[0]!.points.every(([, v]) => v === 4)).toBe(true);
    };
    await check();
    expect(await rollUpHours(app.database.db, end + 2 * HOUR)).toBeGreaterThan(0);
    const [rolled] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from metric_points_hourly`;
    expect(rolled!.n).toBeGreaterThan(0);
    await check();
  });

  it("refuses a range that ends before it starts, and too many points", async () => {
    expect((await viewer.get(`/api/v1/metrics/query?service=dense&name=cpu&from=${new Date(end).toISOString()}&to=${new Date(start).toISOString()}`)).status).toBe(400);
    expect((await viewer.get("/api/v1/metrics/query?service=dense&name=cpu&maxPoints=100000")).status).toBe(400);
  });
});

describe("partitions", () => {
  it("are created ahead, and dropped whole once older than the retention", async () => {
    const { db } = app.database;
    const today = dayOf(Date.now());
    const old = today - 20 * DAY;
    await db.transaction((tx) => ensurePartitions(tx, [old]));
    await db.execute(sql.raw(`insert into metric_points values (1, '${new Date(old + HOUR).toISOString()}', 1)`));

    expect(await rollPartitions(db, Date.now(), 14)).toEqual([old]);
    const days = await partitionDays(db);
    expect(days).not.toContain(old);
    for (let i = 0; i <= DAYS_AHEAD; i++) expect(days).toContain(today + i * DAY);
    const [gone] = await db.execute<{ t: string | null }>(sql`select to_regclass(${partitionName(old)}) as t`);
    expect(gone?.t).toBeNull();
  });

  it("keep the days within the retention", async () => {
    const { db } = app.database;
    const recent = dayOf(Date.now()) - 13 * DAY;
    await db.transaction((tx) => ensurePartitions(tx, [recent]));
    expect(await rollPartitions(db, Date.now(), 14)).toEqual([]);
    expect(await partitionDays(app.database.db)).toContain(recent);
  });
});
