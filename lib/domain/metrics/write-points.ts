import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { LiveEvent } from "@/lib/live/events";
import type { PointRow } from "./copy-points";
import { insertPoints } from "./insert-points";
import { metricChanged } from "./metric-events";
import { DAY, dayOf, ensurePartitions } from "./partitions";
import { resolveSeries, type SeriesRef } from "./resolve-series";

export interface Point extends SeriesRef {
  /** ms since the epoch. */
  ts: number;
  value: number;
}

/** How far ahead of the server's clock a point may be stamped; partitions exist this far ahead. */
export const MAX_FUTURE_MS = DAY;

/** The times a point may carry: within retention, and not far in the future. */
export function acceptedWindow(now = Date.now()): { from: number; to: number } {
  return { from: now - env().METRICS_RETENTION_DAYS * DAY, to: now + MAX_FUTURE_MS };
}

/**
 * Stores points in the caller's transaction: their series (created under the cap), the day
 * partitions they fall in, then one INSERT or COPY. Returns the live events to publish, at most one per
 * service every few seconds.
 */
export async function writePoints(tx: Db, points: Point[], overCap: "refuse" | "skip"): Promise<{ written: number; events: LiveEvent[] }> {
  if (points.length === 0) return { written: 0, events: [] };
  const ids = await resolveSeries(tx, points, overCap);
  const rows: PointRow[] = [];
  const days = new Set<number>();
  const services = new Set<string>();
  points.forEach((p, i) => {
    services.add(p.service);
    const seriesId = ids[i];
    if (seriesId === null || seriesId === undefined) return;
    rows.push({ seriesId, ts: p.ts, value: p.value });
    days.add(dayOf(p.ts));
  });
  await ensurePartitions(tx, days);
  await insertPoints(tx, rows);
  return { written: rows.length, events: metricChanged(services) };
}
