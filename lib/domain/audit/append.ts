import { desc, sql } from "drizzle-orm";
import { auditEvents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName, actorRole, type Ctx } from "../context";
import { chainHash, GENESIS_HASH, toJson } from "./hash";
import { maskSecrets } from "./mask";

export interface AuditEntry {
  action: string;
  target?: string | null;
  outcome?: "ok" | "denied";
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Appends one event to the chain inside the caller's transaction. The transaction-scoped advisory
 * lock serialises appenders across every process until commit, so the head read here is the head
 * the new row follows; call it last in the transaction to hold the lock briefly.
 */
export async function appendAudit(tx: Db, ctx: Ctx, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breakwater.audit'))`);
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields = {
    at: new Date(),
    actor: actorName(ctx.actor),
    role: actorRole(ctx.actor),
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome ?? "ok",
    before: toJson(maskSecrets(entry.before)),
    after: toJson(maskSecrets(entry.after)),
    reason: entry.reason ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  } as const;
  const hash = chainHash(prevHash, fields);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, prevHash, hash })
    .returning({ id: auditEvents.id });
  return { id: row!.id, hash };
}
