import type postgres from "postgres";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { DAY, dayOf, ensurePartitions } from "@/lib/domain/metrics/partitions";
import { seriesKey } from "@/lib/domain/metrics/series-key";

const CHUNK_ROWS = 100_000;

/** Creates `count` series of one service and returns their ids, in order. */
export async function createSeries(database: Database, service: string, name: string, count: number, tags: (i: number) => Record<string, string>): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const t = tags(i);
    return { service, name, kind: "gauge", tags: t, key: seriesKey(t) };
  });
  const inserted = await database.db.execute<{ id: number }>(sql`
    insert into metric_series (service, name, kind, tags, key)
    select service, name, kind, tags, key from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(service text, name text, kind text, tags jsonb, key text)
    returning id`);
  return inserted.map((r) => r.id);
}

/** The partitions of every day from `from` to `to`. */
export async function partitionsFor(database: Database, from: number, to: number): Promise<void> {
  const days: number[] = [];
  for (let day = dayOf(from); day <= dayOf(to); day += DAY) days.push(day);
  await database.db.transaction((tx) => ensurePartitions(tx, days));
}

/** Streams `count` rows into metric_points with one COPY, built a chunk at a time so memory stays flat. */
export async function copyRows(sql: postgres.Sql, count: number, row: (i: number) => [seriesId: number, ts: number, value: number]): Promise<void> {
  const stream = await sql`copy metric_points (series_id, ts, value) from stdin`.writable();
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    let chunk = "";
    for (let i = start; i < Math.min(count, start + CHUNK_ROWS); i++) {
      const [seriesId, ts, value] = row(i);
      chunk += `${seriesId}\t${new Date(ts).toISOString()}\t${value}\n`;
    }
    if (!stream.write(chunk)) await Promise.race([new Promise((resolve) => stream.once("drain", resolve)), failed]);
  }
  await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
}
