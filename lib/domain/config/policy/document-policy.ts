import type { Db } from "@/lib/db/client";
import { freezingAlerts, type FreezingAlert } from "./freeze";
import { readPolicy, type Policy } from "./read-policy";

export type DocumentPolicy = Policy & { frozen: { alerts: FreezingAlert[] } | null };

/** The policy with whether it freezes the document right now and why, so the editor says so before anyone types. */
export async function documentPolicy(db: Db, service: string, environment: string): Promise<DocumentPolicy> {
  const policy = await readPolicy(db, service, environment);
  const alerts = await freezingAlerts(db, { service, environment }, policy);
  return { ...policy, frozen: alerts.length > 0 ? { alerts } : null };
}
