import { asc, gt } from "drizzle-orm";
import { auditEvents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { chainHash, GENESIS_HASH } from "./hash";

export interface ChainReport {
  ok: boolean;
  count: number;
  head: string | null;
  firstBadId: number | null;
}

const PAGE = 2000;

/** Recomputes every hash in order; the first row whose link or content does not match is named. */
export async function verifyChain(db: Db): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  let cursor = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, cursor)).orderBy(asc(auditEvents.id)).limit(PAGE);
    for (const row of rows) {
      if (row.prevHash !== prev || chainHash(prev, row) !== row.hash) {
        return { ok: false, count, head: prev === GENESIS_HASH ? null : prev, firstBadId: row.id };
      }
      prev = row.hash;
      count += 1;
    }
    if (rows.length < PAGE) break;
    cursor = rows.at(-1)!.id;
  }
  return { ok: true, count, head: prev === GENESIS_HASH ? null : prev, firstBadId: null };
}
