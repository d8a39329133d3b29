import type { Db } from "@/lib/db/client";
import { syncIncidents } from "@/lib/domain/incidents/sync-incidents";
import { env } from "@/lib/env";

/** Opens, joins and resolves incidents from the alerts intake committed since the last round. */
export function maintainIncidents(database: Db): Promise<void> {
  return syncIncidents(database, env().INCIDENT_QUIET_SECONDS);
}
