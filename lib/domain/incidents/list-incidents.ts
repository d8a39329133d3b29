import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { incidentAlerts, incidents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { incidentQuery } from "./incident-input";

export type IncidentRow = typeof incidents.$inferSelect;

/** An incident as the API lists it. */
export function incidentView(row: IncidentRow, alertIds: number[]) {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    severity: row.severity,
    services: [row.service],
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    alertIds,
  };
}

export type IncidentView = ReturnType<typeof incidentView>;

const alertIdsOf = sql<string[]>`coalesce((select array_agg(${incidentAlerts.alertId} order by ${incidentAlerts.alertId}) from ${incidentAlerts} where ${incidentAlerts.incidentId} = ${incidents.id}), '{}')`;

/** Incidents, newest first, a page at a time. */
export async function listIncidents(db: Db, query: z.output<typeof incidentQuery>) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(incidents.status, query.status));
  if (query.before) where.push(lt(incidents.id, query.before));
  const rows = await db
    .select({ incident: incidents, alertIds: alertIdsOf })
    .from(incidents)
    .where(and(...where))
    .orderBy(desc(incidents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => incidentView(r.incident, r.alertIds.map(Number))),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.incident.id : null,
  };
}

/** How many incidents are open, for the sidebar and the Overview. */
export async function openIncidents(db: Db): Promise<IncidentView[]> {
  return (await listIncidents(db, { status: "open", limit: 50 })).items;
}
