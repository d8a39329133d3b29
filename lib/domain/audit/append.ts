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
 * The most characters each text field keeps: every one of them can carry request input (a path,
 * a header, an email typed at sign-in), so none may grow a row without bound.
 */
export const FIELD_LIMITS = { actor: 254, action: 100, target: 300, reason: 500, ip: 64, userAgent: 300, requestId: 100 } as const;

export function capped<T extends string | null>(value: T, limit: number): T {
  return (value !== null && value.length > limit ? value.slice(0, limit) : value) as T;
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
    actor: capped(actorName(ctx.actor), FIELD_LIMITS.actor),
    role: actorRole(ctx.actor),
    action: capped(entry.action, FIELD_LIMITS.action),
    target: capped(entry.target ?? null, FIELD_LIMITS.target),
    outcome: entry.outcome ?? "ok",
    before: toJson(maskSecrets(entry.before)),
    after: toJson(maskSecrets(entry.after)),
    reason: capped(entry.reason ?? null, FIELD_LIMITS.reason),
    ip: capped(ctx.ip, FIELD_LIMITS.ip),
    userAgent: capped(ctx.userAgent, FIELD_LIMITS.userAgent),
    requestId: capped(ctx.requestId, FIELD_LIMITS.requestId),
  } as const;
  const hash = chainHash(prevHash, fields);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, prevHash, hash })
    .returning({ id: auditEvents.id });
  return { id: row!.id, hash };
}
