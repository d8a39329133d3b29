import { and, asc, desc, eq, gt, isNull, lte, ne, or } from "drizzle-orm";
import { auditCheckpoints, auditEvents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { chainHash, GENESIS_HASH } from "./hash";

export interface ChainReport {
  ok: boolean;
  count: number;
  head: string | null;
  firstBadId: number | null;
  /** The newest checkpoint: how far the chain was verified and when, which the runtime role cannot rewrite. */
  anchor: Anchor | null;
}

export interface Anchor {
  auditId: number;
  hash: string;
  count: number;
  verifiedAt: string;
}

/** A bounded stretch of a full verification: pass `next` as `after` to go on; null once at the head. */
export interface FullChainReport extends ChainReport {
  next: number | null;
}

const PAGE = 2000;
/** Rows one call of a full verification reads at most, so an admin's request stays short however long the log. */
export const FULL_ROWS_PER_CALL = 100_000;

interface Position {
  id: number;
  hash: string;
  count: number;
}

const GENESIS: Position = { id: 0, hash: GENESIS_HASH, count: 0 };

/**
 * Verifies the events appended since the newest checkpoint (the badge's check, run on every audit
 * event and by the anchoring job), so its cost is the rows since, not the log. The checkpoint's
 * own event must still carry its hash: checkpoints are append-only for the runtime role, so they
 * anchor the chain, and a tail cut below the newest one is caught. Every verified page becomes
 * the next checkpoint.
 */
export async function verifyChain(db: Db): Promise<ChainReport> {
  const checkpoint = await newestAnchor(db);
  let from = GENESIS;
  if (checkpoint) {
    const [event] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, checkpoint.auditId));
    if (event?.hash !== checkpoint.hash) return { ok: false, count: checkpoint.count - 1, head: null, firstBadId: checkpoint.auditId, anchor: checkpoint };
    from = { id: checkpoint.auditId, hash: checkpoint.hash, count: checkpoint.count };
  }
  const { report, last } = await walk(db, from, Infinity, (at) => db.insert(auditCheckpoints).values({ auditId: at.id, hash: at.hash, count: at.count }).onConflictDoNothing());
  return { ...report, anchor: last.id === from.id ? checkpoint : await newestAnchor(db) };
}

/**
 * Recomputes every hash from genesis, or from the event `after` (whose stored hash the previous
 * stretch verified), reading at most `FULL_ROWS_PER_CALL` rows: what an admin runs to check the
 * events before the checkpoints too. Every checkpoint in the stretch must name a verified event
 * with its hash, and once at the head none may lie beyond it: a chain cut and appended to again
 * links up, but the anchors it lost are missing.
 */
export async function verifyChainFully(db: Db, after?: number): Promise<FullChainReport> {
  const anchor = await newestAnchor(db);
  let from = GENESIS;
  if (after) {
    const [event] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, after));
    if (!event) return { ok: false, count: 0, head: null, firstBadId: after, next: null, anchor };
    from = { id: after, hash: event.hash, count: 0 };
  }
  const { report, more, last } = await walk(db, from, FULL_ROWS_PER_CALL);
  if (!report.ok) return { ...report, next: null, anchor };
  const lost = await firstLostAnchor(db, from.id, more ? last.id : null);
  if (lost !== null) return { ...report, ok: false, firstBadId: lost, next: null, anchor };
  return { ...report, next: more ? last.id : null, anchor };
}

/** The first checkpoint after `afterId` (up to `untilId`, or any) whose event is gone or carries another hash. */
async function firstLostAnchor(db: Db, afterId: number, untilId: number | null): Promise<number | null> {
  const [row] = await db
    .select({ auditId: auditCheckpoints.auditId })
    .from(auditCheckpoints)
    .leftJoin(auditEvents, eq(auditEvents.id, auditCheckpoints.auditId))
    .where(
      and(
        gt(auditCheckpoints.auditId, afterId),
        untilId === null ? undefined : lte(auditCheckpoints.auditId, untilId),
        or(isNull(auditEvents.id), ne(auditEvents.hash, auditCheckpoints.hash)),
      ),
    )
    .orderBy(asc(auditCheckpoints.auditId))
    .limit(1);
  return row?.auditId ?? null;
}

async function newestAnchor(db: Db): Promise<Anchor | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.auditId)).limit(1);
  return row ? { auditId: row.auditId, hash: row.hash, count: row.count, verifiedAt: row.verifiedAt.toISOString() } : null;
}

/** Recomputes hashes in order from `from`; the first row whose link or content does not match is named. */
async function walk(db: Db, from: Position, budget: number, verified?: (at: Position) => Promise<unknown>) {
  let at = from;
  let read = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, at.id)).orderBy(asc(auditEvents.id)).limit(Math.min(PAGE, budget - read));
    for (const row of rows) {
      if (row.prevHash !== at.hash || chainHash(at.hash, row) !== row.hash) {
        return { report: { ok: false, count: at.count, head: headOf(at), firstBadId: row.id }, more: false, last: at };
      }
      at = { id: row.id, hash: row.hash, count: at.count + 1 };
    }
    read += rows.length;
    if (rows.length > 0) await verified?.(at);
    if (rows.length < PAGE || read >= budget) {
      return { report: { ok: true, count: at.count, head: headOf(at), firstBadId: null }, more: rows.length === PAGE || (read >= budget && rows.length > 0), last: at };
    }
  }
}

function headOf(at: Position): string | null {
  return at.hash === GENESIS_HASH ? null : at.hash;
}
