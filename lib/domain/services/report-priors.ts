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
  revision: number | null;
  modes: string[] | null;
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
 * What each report changes from, in one round trip for the whole batch: creates the services of
 * their first reports, locks the instances' rows (in one order, so concurrent batches take them in
 * turn) so reports of one instance apply one after the other, and reads their breakers. Each
 * (service, instance) must appear once; the answers are in the order of `keys`.
 */
export async function readPriors(tx: Db, keys: { service: string; instance: string }[]): Promise<ReportPrior[]> {
  if (keys.length === 0) return [];
  const names = [...new Set(keys.map((k) => k.service))].sort();
  const rows = await tx.execute<Row & { position: number }>(sql`
    with created as (
      insert into ${services} (name) select value from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) order by 1
      on conflict do nothing returning name, revision, modes
    ), known as (
      select name, revision, modes from created
      union all
      select name, revision, modes from ${services} where name in (select value from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))
    ), wanted as (
      select * from jsonb_to_recordset(${JSON.stringify(keys.map((k, position) => ({ ...k, position })))}::jsonb) as k(service text, instance text, position int)
    ), locked as materialized (
      select i.* from ${instances} i join wanted w on w.service = i.service and w.instance = i.instance
      order by i.service, i.instance for update of i
    )
    select w.position, s.revision, s.modes,
      i.service is not null as found, i.environment, i.health, i.checks, i.mode, i.automatic_mode, i.config_version, i.queue_depth,
      extract(epoch from i.last_report_at) * 1000 as last_report_ms,
      (select json_agg(json_build_object('name', b.name, 'state', b.state, 'stateSince', b.state_since, 'failures', b.failures,
          'successes', b.successes, 'rejects', b.rejects, 'reportedAt', b.reported_at))
        from ${breakers} b where b.service = w.service and b.instance = w.instance) as breakers
    from wanted w
    left join known s on s.name = w.service
    left join locked i on i.service = w.service and i.instance = w.instance
    order by w.position`);
  if (rows.length !== keys.length) throw new Error("the prior state query returned a row per report");
  return rows.map((row) => ({
    revision: row.revision ?? 0,
    declaredModes: row.modes ?? null,
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
  }));
}
