import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { copyPoints, type PointRow } from "./copy-points";

/**
 * Above this many points a binary COPY is cheaper than arrays; below it one INSERT is.
 *
 * The bound was set while postgres.js ran with Nagle's algorithm on, when a COPY's last small
 * message (CopyDone) waited about 88 ms for PostgreSQL's delayed ACK. Its sockets now run with
 * TCP_NODELAY (patches/postgres+3.4.9.patch; `npm run bench -- nodelay` shows the wait gone), so
 * a lower bound may now pay; it has not been measured yet.
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
