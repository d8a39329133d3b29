import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { Frozen } from "../../errors";
import type { Policy } from "./read-policy";

export interface FreezingAlert {
  id: number;
  name: string;
  since: string;
}

/**
 * The critical alerts of a service that are not resolved (acknowledged still burns), for the
 * document's environment when the alert names one, as the bake's rollback also reads them.
 */
async function criticalAlerts(db: Db, service: string, environment: string): Promise<FreezingAlert[]> {
  const rows = await db.execute<{ id: number; name: string; since: string }>(sql`
    select id, coalesce(labels ->> 'alertname', 'alert') as name, starts_at as since from alerts
    where service = ${service} and severity = 'critical' and state <> 'resolved'
      and coalesce(labels ->> 'environment', ${environment}) = ${environment}
    order by starts_at limit 20`);
  return rows.map((r) => ({ id: Number(r.id), name: r.name, since: new Date(r.since).toISOString() }));
}

/** The alerts that freeze a document now under its policy; empty when it is not frozen. */
export async function freezingAlerts(db: Db, document: { service: string; environment: string }, policy: Policy): Promise<FreezingAlert[]> {
  return policy.freezeWhileCritical ? criticalAlerts(db, document.service, document.environment) : [];
}

/** Refuses a publish of a frozen document unless it carries an override; returns the alerts it overrode. */
export async function checkFreeze(db: Db, document: { service: string; environment: string }, policy: Policy, override: { reason: string } | undefined): Promise<FreezingAlert[]> {
  const alerts = await freezingAlerts(db, document, policy);
  if (alerts.length > 0 && !override) throw new Frozen(alerts);
  return alerts;
}
