import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { schedules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { SchedulesQuery } from "./inputs";

export interface ScheduleView {
  id: number;
  kind: "mode_flip" | "apply_change_request";
  status: "pending" | "applied" | "suspended";
  at: string;
  service: string;
  environment: string | null;
  mode: string | null;
  reason: string | null;
  expiresAt: string | null;
  changeRequestId: number | null;
  createdBy: string;
  createdAt: string;
  settledAt: string | null;
  suspendedReason: string | null;
}

/** Schedules: the pending ones first, soonest first, then the settled ones, latest first. */
export async function listSchedules(db: Db, filter: SchedulesQuery): Promise<{ items: ScheduleView[] }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(schedules.status, filter.status));
  if (filter.service) where.push(eq(schedules.service, filter.service));
  const rows = await db
    .select()
    .from(schedules)
    .where(and(...where))
    .orderBy(desc(eq(schedules.status, "pending")), sql`case when ${schedules.status} = 'pending' then ${schedules.at} end`, desc(schedules.at))
    .limit(filter.limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      at: r.at.toISOString(),
      service: r.service,
      environment: r.environment,
      mode: r.mode,
      reason: r.reason,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      changeRequestId: r.changeRequestId,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      settledAt: r.settledAt?.toISOString() ?? null,
      suspendedReason: r.suspendedReason,
    })),
  };
}
