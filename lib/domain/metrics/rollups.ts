import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DAY, dayOf, ensurePartitions } from "./partitions";

const HOUR = 3_600_000;
/** An hour is rolled up this long after it ends; a point arriving later reaches only the raw table. */
export const ROLLUP_GRACE_MS = 5 * 60_000;

/**
 * Rolls every hour that ended at least ROLLUP_GRACE_MS ago and is not rolled yet into
 * metric_points_hourly (count, sum, min, max per series and hour), in one pass over the raw points.
 * One process at a time (advisory lock); returns how many hours it rolled.
 */
export async function rollUpHours(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ taken: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('breakwater.metric_rollups')) as taken`);
    if (!lock?.taken) return 0;
    const [state] = await tx.execute<{ rolled_until: string }>(sql`select rolled_until from metric_rollup_state for update`);
    const until = Math.floor((now - ROLLUP_GRACE_MS) / HOUR) * HOUR;
    // Days past the retention are gone, so rolling starts no earlier than the oldest kept day.
    const from = Math.max(Date.parse(state!.rolled_until), dayOf(now - env().METRICS_RETENTION_DAYS * DAY));
    if (from >= until) return 0;
    const days: number[] = [];
    for (let day = dayOf(from); day < until; day += DAY) days.push(day);
    await ensurePartitions(tx, days);
    await tx.execute(sql`
      insert into metric_points_hourly (series_id, hour, count, sum, min, max)
      select series_id, date_bin('1 hour', ts, timestamptz 'epoch'), count(*), sum(value), min(value), max(value)
      from metric_points where ts >= ${new Date(from).toISOString()}::timestamptz and ts < ${new Date(until).toISOString()}::timestamptz
      group by 1, 2
      on conflict (series_id, hour) do update set count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max`);
    await tx.execute(sql`update metric_rollup_state set rolled_until = ${new Date(until).toISOString()}::timestamptz`);
    return (until - from) / HOUR;
  });
}
