import { and, desc, eq, getTableColumns, gte, ilike, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEvents, auditRefusalFolds } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

export const auditFilter = z.object({
  actor: z.string().max(254).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(300).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditFilter = z.output<typeof auditFilter>;

/** A stored event and how many attempts it stands for: more than 1 for a folded burst of refusals. */
export type AuditRow = typeof auditEvents.$inferSelect & { count: number };

/** Newest first, paged by id: pass the last id of a page as `before` for the next. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<{ events: AuditRow[]; nextBefore: number | null }> {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditEvents.actor, `%${escapeLike(filter.actor)}%`));
  if (filter.action) where.push(filter.action.endsWith("*") ? ilike(auditEvents.action, `${escapeLike(filter.action.slice(0, -1))}%`) : eq(auditEvents.action, filter.action));
  if (filter.target) where.push(ilike(auditEvents.target, `%${escapeLike(filter.target)}%`));
  if (filter.from) where.push(gte(auditEvents.at, new Date(filter.from)));
  if (filter.to) where.push(lte(auditEvents.at, new Date(filter.to)));
  if (filter.before) where.push(lt(auditEvents.id, filter.before));
  const events = await db
    .select({ ...getTableColumns(auditEvents), count: sql<number>`coalesce(${auditRefusalFolds.count}, 1)`.mapWith(Number) })
    .from(auditEvents)
    .leftJoin(auditRefusalFolds, eq(auditRefusalFolds.auditId, auditEvents.id))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
  const last = events.at(-1);
  return { events, nextBefore: events.length === filter.limit && last ? last.id : null };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
