import { eq, lt, sql } from "drizzle-orm";
import { auditRefusalFolds } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { publish } from "@/lib/live/events";
import { actorName, type Ctx } from "../context";
import { appendAudit, capped, FIELD_LIMITS } from "./append";

const WINDOW_MS = 60_000;
const KEPT_MS = 60 * 60_000;

export interface Refusal {
  action: string;
  target: string | null;
  reason: string;
}

/**
 * Records a refused attempt, folded: the first refusal of a caller from an address for an action
 * in a minute is an audit event (in a transaction of its own, since the attempt changes nothing);
 * the rest of that minute's burst only count up on it, without taking the chain's lock, so a
 * flood of refused requests writes one row a minute, not one row each.
 */
export async function recordRefusal(database: Db, ctx: Ctx, refusal: Refusal): Promise<void> {
  const now = new Date();
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const key = foldKey(ctx, refusal.action, windowStart);
  const opened = await database.transaction(async (tx) => {
    // A concurrent first refusal of the same burst waits here on the row until this one commits.
    const [fold] = await tx
      .insert(auditRefusalFolds)
      .values({ key, count: 1, windowStart, lastAt: now })
      .onConflictDoUpdate({ target: auditRefusalFolds.key, set: { count: sql`${auditRefusalFolds.count} + 1`, lastAt: now } })
      .returning({ count: auditRefusalFolds.count });
    if (fold!.count > 1) return false;
    const { id } = await appendAudit(tx, ctx, { ...refusal, outcome: "denied" });
    await tx.update(auditRefusalFolds).set({ auditId: id }).where(eq(auditRefusalFolds.key, key));
    await publish(tx, [{ topic: "audit", id: String(id) }]);
    return true;
  });
  if (opened) await database.delete(auditRefusalFolds).where(lt(auditRefusalFolds.windowStart, new Date(now.getTime() - KEPT_MS)));
}

function foldKey(ctx: Ctx, action: string, windowStart: Date): string {
  return [
    windowStart.toISOString(),
    capped(action, FIELD_LIMITS.action),
    capped(actorName(ctx.actor), FIELD_LIMITS.actor),
    capped(ctx.ip ?? "", FIELD_LIMITS.ip),
  ].join("|");
}
