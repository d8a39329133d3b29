import type postgres from "postgres";
import type { Db } from "@/lib/db/client";

export interface PointRow {
  seriesId: number;
  /** ms since the epoch. */
  ts: number;
  value: number;
}

/** PostgreSQL's binary COPY: signature, flags, header extension length; and the end marker. */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_BYTES = SIGNATURE.length + 8;
/** Per row: field count, then each field's length and bytes (int4, timestamptz, float8). */
const ROW_BYTES = 2 + (4 + 4) + (4 + 8) + (4 + 8);
/** timestamptz travels as microseconds since 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;

/**
 * Writes points with one binary `COPY … FROM STDIN` on the caller's connection (inside its
 * transaction). Binary rather than text because formatting a timestamp per point was the largest
 * cost of intake in the server, and PostgreSQL then parses no text either. drizzle has no COPY, so
 * this takes the postgres.js client under the transaction.
 */
export async function copyPoints(tx: Db, rows: PointRow[]): Promise<void> {
  if (rows.length === 0) return;
  const client = (tx._.session as unknown as { client?: postgres.Sql }).client;
  if (!client) throw new Error("copyPoints needs a postgres.js database");
  const data = encodeRows(rows);
  const stream = await client`copy metric_points (series_id, ts, value) from stdin with (format binary)`.writable();
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    stream.end(data, () => resolve());
  });
}

/** The rows in COPY's binary format; a time keeps whole milliseconds, as a Date would. */
function encodeRows(rows: PointRow[]): Buffer {
  const data = Buffer.allocUnsafe(HEADER_BYTES + rows.length * ROW_BYTES + 2);
  let at = SIGNATURE.copy(data, 0);
  at = data.writeInt32BE(0, at);
  at = data.writeInt32BE(0, at);
  for (const { seriesId, ts, value } of rows) {
    const micros = (Math.trunc(ts) - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_TO_32);
    at = data.writeInt16BE(3, at);
    at = data.writeInt32BE(4, at);
    at = data.writeInt32BE(seriesId, at);
    at = data.writeInt32BE(8, at);
    at = data.writeInt32BE(high, at);
    at = data.writeUInt32BE(micros - high * TWO_TO_32, at);
    at = data.writeInt32BE(8, at);
    at = data.writeDoubleBE(value, at);
  }
  data.writeInt16BE(-1, at);
  return data;
}
