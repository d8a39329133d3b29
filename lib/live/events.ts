import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { preparing } from "@/lib/db/prepared";
import type { Topic } from "./topics";

/** What changed, by id; subscribers refetch the rows, so a notification never carries one. */
export interface LiveEvent {
  topic: Topic;
  id: string;
}

export const LIVE_CHANNEL = "breakwater_live";

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well under it.
const MAX_PAYLOAD = 4000;

/**
 * Queues the events on the transaction; PostgreSQL delivers them to listeners only if it commits.
 * Every change runs this, so it runs prepared: one round trip instead of two.
 */
export async function publish(tx: Db, events: LiveEvent[]): Promise<void> {
  const prepared = preparing(tx);
  for (const payload of batches(events)) {
    await prepared.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
  }
}

export function batches(events: LiveEvent[]): string[] {
  const out: string[] = [];
  let batch: LiveEvent[] = [];
  let size = 2;
  for (const event of events) {
    const length = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (batch.length > 0 && size + length > MAX_PAYLOAD) {
      out.push(JSON.stringify(batch));
      batch = [];
      size = 2;
    }
    batch.push(event);
    size += length;
  }
  if (batch.length > 0) out.push(JSON.stringify(batch));
  return out;
}
