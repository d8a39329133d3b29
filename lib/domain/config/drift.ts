import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../services/liveness";
import { currentVersionOf } from "./read-version";

export interface DriftInstance {
  instance: string;
  configVersion: number | null;
  lastSeen: string;
  /** Since when it runs an outdated version: the publication of the first version it lacks; null when current. */
  laggingSince: string | null;
}

export interface Drift {
  service: string;
  environment: string;
  currentVersion: number;
  current: number;
  lagging: number;
  instances: DriftInstance[];
}

/** The live instances of a service in an environment and whether each runs the current version, laggards first. */
export async function configDrift(db: Db, service: string, environment: string): Promise<Drift> {
  const currentVersion = await currentVersionOf(db, service, environment);
  const rows = await db.execute<{ instance: string; config_version: number | null; last_report_at: string; lagging_since: string | null }>(sql`
    select i.instance, i.config_version, i.last_report_at,
      (select min(v.created_at) from config_versions v
        where v.service = i.service and v.environment = i.environment and v.version > coalesce(i.config_version, 0)) as lagging_since
    from instances i
    where i.service = ${service} and i.environment = ${environment}
      and ${reportedRecently(sql`i.last_report_at`)}
    order by i.config_version is not distinct from ${currentVersion}, i.config_version nulls first, i.instance`);
  const instances = rows.map(
    (r): DriftInstance => ({
      instance: r.instance,
      configVersion: r.config_version,
      lastSeen: new Date(r.last_report_at).toISOString(),
      laggingSince: r.config_version === currentVersion || r.lagging_since === null ? null : new Date(r.lagging_since).toISOString(),
    }),
  );
  const current = instances.filter((i) => i.configVersion === currentVersion).length;
  return { service, environment, currentVersion, current, lagging: instances.length - current, instances };
}
