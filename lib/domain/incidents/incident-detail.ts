import { asc, eq, inArray } from "drizzle-orm";
import { alerts, incidentAlerts, incidents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { NotFound } from "../errors";
import { incidentTimeline, type IncidentEntry } from "./incident-timeline";
import { incidentView, type IncidentRow } from "./list-incidents";

/** One incident with its alerts and its timeline, read in one snapshot. */
export function incidentDetail(db: Db, id: number) {
  return db.transaction((tx) => readIncident(tx, id), { isolationLevel: "repeatable read", accessMode: "read only" });
}

export async function loadIncident(db: Db, id: number): Promise<IncidentRow> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  if (!row) throw new NotFound(`The incident ${id}`);
  return row;
}

async function readIncident(db: Db, id: number) {
  const row = await loadIncident(db, id);
  const joined = await db.select({ alertId: incidentAlerts.alertId }).from(incidentAlerts).where(eq(incidentAlerts.incidentId, id)).orderBy(asc(incidentAlerts.alertId));
  const alertIds = joined.map((j) => j.alertId);
  const members =
    alertIds.length === 0
      ? []
      : await db
          .select({ id: alerts.id, labels: alerts.labels, severity: alerts.severity, status: alerts.status, startsAt: alerts.startsAt, acknowledgedAt: alerts.acknowledgedAt })
          .from(alerts)
          .where(inArray(alerts.id, alertIds))
          .orderBy(asc(alerts.id));
  const timeline: IncidentEntry[] = await incidentTimeline(db, row);
  return {
    ...incidentView(row, alertIds),
    alerts: members.map((a) => ({ id: a.id, name: a.labels.alertname ?? "alert", severity: a.severity, status: a.status, startsAt: a.startsAt.toISOString() })),
    timeline,
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof readIncident>>;
