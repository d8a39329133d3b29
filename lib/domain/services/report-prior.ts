import { sql } from "drizzle-orm";
import { breakers, instances, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { PriorBreaker } from "../breakers/snapshot";
import type { BreakerState } from "../breakers/types";

export type PriorInstance = Pick<
  typeof instances.$inferSelect,
  "environment" | "health" | "checks" | "mode" | "automaticMode" | "configVersion" | "queueDepth" | "lastReportAt"
>;

export interface ReportPrior {
  /** The service's committed control revision; 0 for a service created by this report. */
  revision: number;
  /** The modes the service declared before this report; null for the default ladder. */
  declaredModes: string[] | null;
  /** The instance as its last report left it, locked until the transaction ends; null on its first report. */
  instance: PriorInstance | null;
  breakers: PriorBreaker[];
}

type Row = {
  service: { revision: number; modes: string[] | null } | null;
  found: boolean | null;
  environment: string;
  health: PriorInstance["health"];
  checks: Record<string, string>;
  mode: string | null;
  automatic_mode: string | null;
  config_version: number | null;
  queue_depth: number | null;
  last_report_ms: number;
  breakers: { name: string; state: BreakerState; stateSince: string; failures: number | null; successes: number | null; rejects: number | null; reportedAt: string }[] | null;
};

/**
 * What a report changes from, in one round trip: creates the service on its first report, locks
 * the instance's row so two reports of one instance apply in turn, and reads its breakers.
 */
export async function readPrior(tx: Db, service: string, instance: string): Promise<ReportPrior> {
  const [row] = await tx.execute<Row>(sql`
    with created as (insert into ${services} (name) values (${service}) on conflict do nothing returning revision, modes)
    select
      (select row_to_json(s) from (select revision, modes from created union all select revision, modes from ${services} where name = ${service} limit 1) as s) as service,
      i.service is not null as found, i.environment, i.health, i.checks, i.mode, i.automatic_mode, i.config_version, i.queue_depth,
      extract(epoch from i.last_report_at) * 1000 as last_report_ms,
      (select json_agg(json_build_object('name', b.name, 'state', b.state, 'stateSince', b.state_since, 'failures', b.failures,
          'successes', b.successes, 'rejects', b.rejects, 'reportedAt', b.reported_at))
        from ${breakers} b where b.service = ${service} and b.instance = ${instance}) as breakers
    from (select 1) as one
    left join lateral (select * from ${instances} where service = ${service} and instance = ${instance} for update) as i on true`);
  if (!row) throw new Error("the prior state query returned no row");
  return {
    revision: row.service?.revision ?? 0,
    declaredModes: row.service?.modes ?? null,
    instance: row.found
      ? {
          environment: row.environment,
          health: row.health,
          checks: row.checks,
          mode: row.mode,
          automaticMode: row.automatic_mode,
          configVersion: row.config_version,
          queueDepth: row.queue_depth,
          lastReportAt: new Date(Number(row.last_report_ms)),
        }
      : null,
    breakers: (row.breakers ?? []).map((b) => ({ ...b, stateSince: new Date(b.stateSince), reportedAt: new Date(b.reportedAt) })),
  };
}
