import { sql } from "drizzle-orm";
import { DAY, dayOf, dropPartition } from "@/lib/domain/metrics/partitions";
import { rollUpHours } from "@/lib/domain/metrics/rollups";
import { copyRows, createSeries, partitionsFor } from "./metrics-seed";
import type { Stack } from "./stack";
import { spread, type Spread } from "./stats";

export interface MetricQueries {
  seededPoints: number;
  seedSeconds: number;
  rollUpSeconds: number;
  oneSeriesDay: Spread;
  hundredSeriesWeek: Spread;
  dropPartitionMs: number;
  droppedRows: number;
}

const SERIES = 1_000;
const POINTS_PER_SERIES = 10_000;
const WEEK_MS = 7 * DAY;
const RUNS = 30;
/** About one point per pixel of a chart. */
const MAX_POINTS = 400;

/**
 * 10 million points over 7 days (1,000 series of 10,000 points, one a minute each, in ten groups
 * of 100), seeded by COPY; then chart queries through `GET /api/v1/metrics/query` as a browser
 * makes them: a day of one series (raw points), and a week of one group of 100 series (hourly
 * rollups, once the week is rolled up). Then the oldest day's partitions are dropped, as retention does.
 */
export async function measureMetricQueries(stack: Stack, log: (line: string) => void): Promise<MetricQueries> {
  const service = "bench-query";
  const end = Date.now();
  const start = end - WEEK_MS;
  const ids = await createSeries(stack.database, service, "latency_ms", SERIES, (i) => ({ instance: `i-${i}`, group: `g${i % 10}` }));
  await partitionsFor(stack.database, start, end);
  const seeded = performance.now();
  const spacing = WEEK_MS / POINTS_PER_SERIES;
  await copyRows(stack.database.sql, SERIES * POINTS_PER_SERIES, (i) => {
    const step = Math.floor(i / SERIES);
    return [ids[i % SERIES]!, start + step * spacing + (i % SERIES), 100 + ((i * 7) % 50)];
  });
  // As autovacuum would soon: the visibility map lets the covering index answer without the heap.
  await stack.database.db.execute(sql`vacuum analyze metric_points`);
  const seedSeconds = (performance.now() - seeded) / 1000;
  log(`seeded ${SERIES * POINTS_PER_SERIES} points in ${seedSeconds.toFixed(1)} s`);
  // The week was written at once, so it is rolled up at once, as the job does hour by hour.
  await stack.database.db.execute(sql`update metric_rollup_state set rolled_until = ${new Date(start).toISOString()}::timestamptz`);
  const rolling = performance.now();
  await rollUpHours(stack.database.db);
  await stack.database.db.execute(sql`vacuum analyze metric_points_hourly`);
  const rollUpSeconds = (performance.now() - rolling) / 1000;

  const time = async (params: Record<string, string>) => {
    const samples: number[] = [];
    const url = `${stack.origin}/api/v1/metrics/query?${new URLSearchParams({ service, name: "latency_ms", maxPoints: String(MAX_POINTS), ...params })}`;
    for (let run = -3; run < RUNS; run++) {
      const sent = performance.now();
      const res = await fetch(url, { headers: { cookie: stack.cookie } });
      const body = (await res.json()) as { series?: unknown[] };
      if (res.status !== 200 || !body.series?.length) throw new Error(`a chart query answered ${res.status}`);
      if (run >= 0) samples.push(performance.now() - sent);
    }
    return spread(samples);
  };
  const oneSeriesDay = await time({ tags: "instance=i-1", last: String(DAY / 1000) });
  const hundredSeriesWeek = await time({ tags: "group=g3", last: String(WEEK_MS / 1000) });

  const oldest = dayOf(start);
  const [count] = await stack.database.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from metric_points_${new Date(oldest).toISOString().slice(0, 10).replaceAll("-", "")}`));
  const dropped = performance.now();
  await dropPartition(stack.database.db, oldest);
  const dropPartitionMs = performance.now() - dropped;

  return { seededPoints: SERIES * POINTS_PER_SERIES, seedSeconds, rollUpSeconds, oneSeriesDay, hundredSeriesWeek, dropPartitionMs, droppedRows: count?.n ?? 0 };
}
