import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { copyPoints, type PointRow } from "./copy-points";

/**
 * Above this many points a binary COPY is cheaper than arrays; below it one INSERT is.
 *
 * postgres.js leaves Nagle's algorithm on, and a COPY ends with two writes back to back (the data,
 * then CopyDone): the second waits for PostgreSQL's delayed ACK of the first, about 88 ms here. An
 * INSERT of arrays travels as one extended-query message set in a single write, so nothing waits,
 * and nothing of postgres.js's socket handling is changed (a noDelay socket handed to it was
 * reverted after an outage made it throw). Past this size the data fills several segments, which
 * PostgreSQL acknowledges at once, and COPY's lower cost per point wins.
 */
export const COPY_FROM_POINTS = 5000;

/** Writes points in the caller's transaction, by whichever path suits their number. */
export async function insertPoints(tx: Db, rows: PointRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length >= COPY_FROM_POINTS) return copyPoints(tx, rows);
  // Array literals, one parameter each; milliseconds rather than formatted times, which were intake's largest cost.
  const array = (list: number[]) => `{${list.join(",")}}`;
  await tx.execute(sql`
    insert into metric_points (series_id, ts, value)
    select s, to_timestamp(t / 1000.0), v
    from unnest(${array(rows.map((r) => r.seriesId))}::int[], ${array(rows.map((r) => Math.trunc(r.ts)))}::float8[],
      ${array(rows.map((r) => r.value))}::float8[]) as p(s, t, v)`);
}
