import { sql, type SQL } from "drizzle-orm";
import { configDocuments, configVersions, instances, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../services/liveness";
import { PENDING_NAMED, type Delivery } from "./delivery-types";

type Row = {
  key: string;
  target: number;
  changed_at: string;
  live: number;
  reached: number;
  last_after_ms: number | null;
  pending: string[];
  pending_count: number;
};

/** Per service, how far its last control change (a flip, an override, a publish) has reached. */
export async function controlDeliveries(db: Db, now = new Date()): Promise<Map<string, Delivery>> {
  return deliveries(
    db,
    sql`select s.name as key, s.revision as target, s.revision_at as changed_at, i.instance, i.control_revision as applied, i.control_revision_at as applied_at
        from ${services} s join ${instances} i on i.service = s.name and ${reportedRecently(sql`i.last_report_at`, now)}
        where s.revision_at is not null`,
  );
}

/** Per service and environment (`service/environment`), how far the current config version has reached. */
export async function configDeliveries(db: Db, now = new Date()): Promise<Map<string, Delivery>> {
  return deliveries(
    db,
    sql`select d.service || '/' || d.environment as key, d.current_version as target, v.created_at as changed_at, i.instance, i.config_version as applied, i.config_version_at as applied_at
        from ${configDocuments} d
        join ${configVersions} v on v.service = d.service and v.environment = d.environment and v.version = d.current_version
        join ${instances} i on i.service = d.service and i.environment = d.environment and ${reportedRecently(sql`i.last_report_at`, now)}
        where d.current_version > 0`,
  );
}

/** `live` lists each live instance with what it applied against what is current; the rest is counting. */
async function deliveries(db: Db, live: SQL): Promise<Map<string, Delivery>> {
  const rows = await db.execute<Row>(sql`
    with live as (${live})
    select key, target, changed_at, count(*)::int as live,
      (count(*) filter (where applied >= target))::int as reached,
      max(extract(epoch from applied_at - changed_at) * 1000) filter (where applied = target) as last_after_ms,
      coalesce((array_agg(instance order by instance) filter (where applied is null or applied < target))[1:${PENDING_NAMED}], '{}') as pending,
      (count(*) filter (where applied is null or applied < target))::int as pending_count
    from live group by key, target, changed_at`);
  return new Map(
    rows.map((r) => [
      r.key,
      {
        target: r.target,
        changedAt: new Date(r.changed_at).toISOString(),
        live: r.live,
        reached: r.reached,
        lastAfterMs: r.last_after_ms === null ? null : Math.max(0, Math.round(Number(r.last_after_ms))),
        pending: r.pending,
        pendingCount: r.pending_count,
      },
    ]),
  );
}
