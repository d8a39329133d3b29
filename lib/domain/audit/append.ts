import "server-only";
import { desc, sql } from "drizzle-orm";
import { auditEvents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName, actorRole, actorToken, type Ctx } from "../context";
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
export const FIELD_LIMITS = { actor: 254, action: 100, target: 300, reason: 500, ip: 64, userAgent: 300, requestId: 100, tokenName: 200 } as const;

export function capped<T extends string | null>(value: T, limit: number): T {
  return (value !== null && value.length > limit ? value.slice(0, limit) : value) as T;
}

/** One event to append, with the context of the request it records. */
export interface AuditAppend {
  ctx: Ctx;
  entry: AuditEntry;
}

/** Appends one event to the chain inside the caller's transaction; see `appendAuditBatch`. */
export async function appendAudit(tx: Db, ctx: Ctx, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  const [appended] = await appendAuditBatch(tx, [{ ctx, entry }]);
  return appended!;
}

/**
 * Appends events to the chain in order inside the caller's transaction, in one insert. The
 * transaction-scoped advisory lock serialises appenders across every process until commit, so the
 * head read here is the head the new rows follow; call it last in the transaction to hold the lock
 * briefly. A batch of reports takes the lock once for all its events.
 */
export async function appendAuditBatch(tx: Db, appends: AuditAppend[]): Promise<{ id: number; hash: string }[]> {
  if (appends.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breakwater.audit'))`);
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = head?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = appends.map(({ ctx, entry }) => {
    const token = actorToken(ctx.actor);
    const fields = {
      at,
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
      tokenId: token?.id ?? null,
      tokenName: capped(token?.name ?? null, FIELD_LIMITS.tokenName),
    } as const;
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Identity values of one multi-row insert follow the order of its VALUES list.
  const inserted = await tx.insert(auditEvents).values(rows).returning({ id: auditEvents.id, hash: auditEvents.hash });
  const idByHash = new Map(inserted.map((r) => [r.hash, r.id]));
  return rows.map((r) => ({ id: idByHash.get(r.hash)!, hash: r.hash }));
}
