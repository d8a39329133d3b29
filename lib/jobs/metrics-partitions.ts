import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { DAY, dayOf, dropPartition, ensurePartitions, partitionDays } from "@/lib/domain/metrics/partitions";
import { env } from "@/lib/env";

/** Partitions exist this many days ahead, so no write waits on creating one at midnight. */
export const DAYS_AHEAD = 2;
const EVERY_MS = 10 * 60_000;

let lastRun = 0;

/** Every ten minutes in each process; the advisory lock makes all but one process skip a round. */
export async function maintainMetricPartitions(db: Db): Promise<void> {
  if (Date.now() - lastRun < EVERY_MS) return;
  lastRun = Date.now();
  await rollPartitions(db);
}

/**
 * Creates the partitions of today and the next days, and drops every day whose whole range is
 * older than the retention: whole tables dropped, never rows deleted. Returns the days dropped.
 */
export async function rollPartitions(db: Db, now = Date.now(), retentionDays = env().METRICS_RETENTION_DAYS): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ taken: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('breakwater.metric_retention')) as taken`);
    if (!lock?.taken) return [];
    const today = dayOf(now);
    await ensurePartitions(tx, Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => today + i * DAY));
    const expired = (await partitionDays(tx)).filter((day) => day + DAY <= now - retentionDays * DAY);
    for (const day of expired) await dropPartition(tx, day);
    return expired;
  });
}
