import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * An instance that has not reported for this long is stale: shown as such, left out of every count
 * of live instances. The SDK reports on a 10 s heartbeat (spread ±10 %) when nothing changes, so
 * one lost report never marks a running instance stale, and an instance gone for three heartbeats is.
 */
export const STALE_AFTER_MS = 30_000;

export function isStale(lastReportAt: Date, now: Date): boolean {
  return now.getTime() - lastReportAt.getTime() > STALE_AFTER_MS;
}

/** The SQL twin of `!isStale`: the time in `reportedAt` is recent, against `now` when given, else the database's clock. */
export function reportedRecently(reportedAt: SQLWrapper, now?: Date): SQL {
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`${reportedAt} > ${clock} - make_interval(secs => ${STALE_AFTER_MS / 1000})`;
}
