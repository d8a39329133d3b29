import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { alerts, incidentAlerts, incidents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { publish, type LiveEvent } from "@/lib/live/events";

// Alerts resolved before they were looked at still join; older resolved ones are history.
const LOOKBACK = sql`now() - interval '1 hour'`;
const BATCH = 1000;

type Incident = typeof incidents.$inferSelect;

/**
 * Applies the incident rule once: an alert of a service with no open incident opens one when it is
 * critical or warning, later alerts of that service join it, and an incident whose alerts are all
 * resolved resolves once `quietSeconds` passed without a new alert or resolution. Run after intake
 * by the jobs; a transaction-scoped lock lets one process at a time do it. Like the automatic
 * mode, this follows a rule rather than anyone's decision, so it writes no audit event.
 */
export async function syncIncidents(db: Db, quietSeconds: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('breakwater.incidents')) as locked`);
    if (!lock?.locked) return;
    const events = [...(await joinNewAlerts(tx)), ...(await resolveQuiet(tx, quietSeconds))];
    await publish(tx, events);
  });
}

async function joinNewAlerts(tx: Db): Promise<LiveEvent[]> {
  const pending = await tx
    .select({ id: alerts.id, service: alerts.service, severity: alerts.severity, labels: alerts.labels, createdAt: alerts.createdAt })
    .from(alerts)
    .leftJoin(incidentAlerts, eq(incidentAlerts.alertId, alerts.id))
    .where(
      and(
        isNull(incidentAlerts.alertId),
        isNotNull(alerts.service),
        or(ne(alerts.state, "resolved"), gt(alerts.createdAt, LOOKBACK)),
        // An info alert only joins an incident opened before it; left in the scan it would crowd out the alerts that open incidents.
        or(
          ne(alerts.severity, "info"),
          sql`exists (select 1 from ${incidents} where ${incidents.status} = 'open' and ${incidents.service} = ${alerts.service} and ${incidents.openedAt} <= ${alerts.createdAt})`,
        ),
      ),
    )
    .orderBy(asc(alerts.id))
    .limit(BATCH);
  if (pending.length === 0) return [];
  const services = [...new Set(pending.map((a) => a.service!))];
  const open = new Map<string, Incident>(
    (await tx.select().from(incidents).where(and(eq(incidents.status, "open"), inArray(incidents.service, services)))).map((i) => [i.service, i]),
  );
  const events: LiveEvent[] = [];
  for (const alert of pending) {
    const service = alert.service!;
    let incident = open.get(service);
    if (alert.severity === "info" && (!incident || alert.createdAt < incident.openedAt)) continue;
    if (!incident) {
      const title = `${alert.labels.alertname ?? "Alert"} on ${service}`;
      [incident] = await tx.insert(incidents).values({ title, service, severity: alert.severity, openedAt: alert.createdAt, lastAlertAt: alert.createdAt }).returning();
    }
    await tx.insert(incidentAlerts).values({ alertId: alert.id, incidentId: incident!.id });
    const severity = alert.severity === "critical" ? "critical" : incident!.severity;
    [incident] = await tx
      .update(incidents)
      .set({ lastAlertAt: sql`greatest(${incidents.lastAlertAt}, ${alert.createdAt.toISOString()}::timestamptz)`, severity })
      .where(eq(incidents.id, incident!.id))
      .returning();
    open.set(service, incident!);
    events.push({ topic: "incident", id: String(incident!.id) });
  }
  return events;
}

async function resolveQuiet(tx: Db, quietSeconds: number): Promise<LiveEvent[]> {
  const resolved = await tx.execute<{ id: string }>(sql`
    update incidents i set status = 'resolved', resolved_at = now()
     where i.status = 'open'
       and not exists (select 1 from incident_alerts ia join alerts a on a.id = ia.alert_id where ia.incident_id = i.id and a.state <> 'resolved')
       and greatest(i.last_alert_at, (select max(a.updated_at) from incident_alerts ia join alerts a on a.id = ia.alert_id where ia.incident_id = i.id))
           <= now() - make_interval(secs => ${quietSeconds})
    returning i.id`);
  return resolved.map((row) => ({ topic: "incident", id: String(row.id) }));
}
