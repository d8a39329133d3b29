import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

const DAY_MS = 86_400_000;
/** The tables partitioned by day; a day's partitions of both are created and dropped together. */
const PARENTS = ["metric_points", "metric_points_hourly"] as const;
type Parent = (typeof PARENTS)[number];

/** The UTC day a time falls in, as the start of that day in ms. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function partitionName(day: number, parent: Parent = "metric_points"): string {
  return `${parent}_${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

function dayOfPartition(name: string): number {
  const digits = name.slice(-8);
  return Date.UTC(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)) - 1, Number(digits.slice(6, 8)));
}

// Days seen committed in the catalog by this process, so most writes skip it. A dropped day is
// older than anything intake accepts, so it never needs forgetting.
const known = new Set<number>();

/**
 * Creates the partitions of these days that are missing, in the caller's transaction. A day is
 * remembered only once the catalog shows it, since a transaction that created it may roll back.
 * Serialized by an advisory lock: two processes may ask at once.
 */
export async function ensurePartitions(tx: Db, days: Iterable<number>): Promise<void> {
  const unknown = [...new Set(days)].filter((d) => !known.has(d)).sort((a, b) => a - b);
  if (unknown.length === 0) return;
  const names = unknown.flatMap((d) => PARENTS.map((parent) => partitionName(d, parent)));
  const rows = await tx.execute<{ name: string }>(sql`select relname as name from pg_class where relname in ${names}`);
  const existing = new Set(rows.map((r) => r.name));
  const missing = unknown.filter((day) => PARENTS.some((parent) => !existing.has(partitionName(day, parent))));
  unknown.filter((d) => !missing.includes(d)).forEach((d) => known.add(d));
  if (missing.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breakwater.metric_partitions'))`);
  for (const day of missing) await tx.execute(sql`select breakwater_create_metric_partitions(${isoDay(day)}::date)`);
}

/** The days that have a partition, oldest first. */
export async function partitionDays(db: Db): Promise<number[]> {
  const rows = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'metric_points' order by c.relname`);
  return rows.map((r) => dayOfPartition(r.name));
}

/** Drops a day's partitions: retention removes whole days at once, never row by row. */
export async function dropPartition(db: Db, day: number): Promise<void> {
  await db.execute(sql`select breakwater_drop_metric_partitions(${isoDay(day)}::date)`);
}

// Partitions are made and dropped by functions that run as the tables' owner (migration 0013):
// the console's runtime role owns no table.
function isoDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

export const DAY = DAY_MS;
