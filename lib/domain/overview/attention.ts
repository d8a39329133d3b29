import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { declaredModes } from "../modes/ladder";
import { reportedRecently } from "../services/liveness";

/** An override that ends within this long is "about to expire": someone may want to extend it. */
export const EXPIRING_WITHIN_MS = 30 * 60_000;

export interface Attention {
  alerts: {
    firing: { critical: number; warning: number; info: number };
    /** The longest-firing alert nobody has acknowledged. */
    oldestUnacknowledged: { id: number; name: string; service: string | null; severity: string; since: string } | null;
  };
  incidents: { id: number; title: string; service: string; severity: string; openedAt: string }[];
  breakers: { service: string; breaker: string; open: number; instances: number; forced: boolean }[];
  modes: { service: string; mode: string; normal: string; source: "manual" | "automatic"; setBy: string | null; reason: string | null; expiresAt: string | null }[];
  expiring: { kind: "mode" | "breaker"; service: string; breaker: string | null; value: string; setBy: string; expiresAt: string }[];
  bakes: { service: string; environment: string; version: number; until: string }[];
  /** Break-glass publishes no other admin has signed off yet, oldest first. */
  reviews: { id: number; service: string; environment: string; version: number | null; author: string; reason: string; since: string }[];
  rollouts: { service: string; environment: string; version: number; status: "running" | "paused"; percent: number; step: number; steps: number; nextStepAt: string | null }[];
  instances: { service: string; stale: number; drifted: number; total: number }[];
}

/**
 * What needs someone now, across the fleet, each item with what it takes to act on it; the
 * Overview lists them by trouble above the services. Every part is one indexed query.
 */
export async function attention(db: Db): Promise<Attention> {
  const [counts, oldest, incidents, breakers, modes, expiring, bakes, reviews, rollouts, instances] = await Promise.all([
    db.execute<{ severity: "critical" | "warning" | "info"; n: number }>(sql`
      select severity, count(*)::int as n from alerts where status = 'firing' group by severity`),
    db.execute<{ id: number; name: string; service: string | null; severity: string; since: string }>(sql`
      select id, coalesce(labels ->> 'alertname', 'alert') as name, service, severity, starts_at as since
      from alerts where status = 'firing'
      order by case severity when 'critical' then 0 when 'warning' then 1 else 2 end, starts_at limit 1`),
    db.execute<{ id: number; title: string; service: string; severity: string; opened_at: string }>(sql`
      select id, title, service, severity, opened_at from incidents where status = 'open' order by opened_at`),
    db.execute<Attention["breakers"][number]>(sql`
      select service, name as breaker,
        count(*) filter (where state in ('open', 'forced_open'))::int as open, count(*)::int as instances,
        bool_or(state = 'forced_open') as forced
      from breakers b
      where exists (select 1 from instances i where i.service = b.service and i.instance = b.instance and ${reportedRecently(sql`i.last_report_at`)})
      group by service, name having count(*) filter (where state in ('open', 'forced_open')) > 0
      order by open desc, service, name`),
    db.execute<{ service: string; mode: string; modes: string[] | null; manual: boolean; set_by: string | null; reason: string | null; expires_at: string | null }>(sql`
      select s.name as service, coalesce(o.mode, s.automatic_mode) as mode, s.modes, o.service is not null as manual,
        o.set_by, o.reason, o.expires_at
      from services s left join mode_overrides o on o.service = s.name`),
    db.execute<{ kind: "mode" | "breaker"; service: string; breaker: string | null; value: string; set_by: string; expires_at: string }>(sql`
      select 'mode' as kind, service, null as breaker, mode as value, set_by, expires_at from mode_overrides
        where expires_at < now() + make_interval(secs => ${EXPIRING_WITHIN_MS / 1000})
      union all
      select 'breaker', service, breaker, override, set_by, expires_at from breaker_overrides
        where expires_at < now() + make_interval(secs => ${EXPIRING_WITHIN_MS / 1000})
      order by expires_at`),
    db.execute<{ service: string; environment: string; version: number; until: string }>(sql`
      select service, environment, version, until from config_bakes where ended_at is null order by until`),
    db.execute<{ id: number; service: string; environment: string; version: number | null; author: string; reason: string | null; since: string }>(sql`
      select id, service, environment, applied_version as version, author, break_glass_reason as reason, created_at as since
      from change_requests where kind = 'break_glass' and reviewed_at is null order by created_at limit 20`),
    db.execute<{ service: string; environment: string; version: number; status: "running" | "paused"; percent: number; step: number; steps: number; next_step_at: string | null }>(sql`
      select service, environment, version, status, steps[step + 1] as percent, step + 1 as step, cardinality(steps) as steps,
        case when status = 'running' then step_started_at + make_interval(secs => step_seconds) end as next_step_at
      from config_rollouts where status in ('running', 'paused') order by started_at`),
    db.execute<{ service: string; stale: number; drifted: number; total: number }>(sql`
      select i.service,
        count(*) filter (where not ${reportedRecently(sql`i.last_report_at`)})::int as stale,
        count(*) filter (where ${reportedRecently(sql`i.last_report_at`)} and d.current_version > 0
          and i.config_version is distinct from d.current_version
          -- An instance a rollout keeps on the version it rolls from is where it should be.
          and not exists (select 1 from config_rollouts r where r.service = d.service and r.environment = d.environment
            and r.version = d.current_version and r.status in ('running', 'paused') and r.from_version = i.config_version))::int as drifted,
        count(*)::int as total
      from instances i
      left join config_documents d on d.service = i.service and d.environment = i.environment
      group by i.service`),
  ]);
  const firing = { critical: 0, warning: 0, info: 0 };
  for (const row of counts) firing[row.severity] = row.n;
  const [first] = oldest;
  return {
    alerts: { firing, oldestUnacknowledged: first ? { ...first, id: Number(first.id), since: new Date(first.since).toISOString() } : null },
    incidents: incidents.map((i) => ({ id: Number(i.id), title: i.title, service: i.service, severity: i.severity, openedAt: new Date(i.opened_at).toISOString() })),
    breakers: [...breakers],
    modes: modes.flatMap((m) => {
      const normal = declaredModes(m.modes)[0]!;
      if (m.mode === normal) return [];
      return [{ service: m.service, mode: m.mode, normal, source: m.manual ? ("manual" as const) : ("automatic" as const), setBy: m.set_by, reason: m.reason, expiresAt: m.expires_at && new Date(m.expires_at).toISOString() }];
    }),
    expiring: expiring.map((e) => ({ kind: e.kind, service: e.service, breaker: e.breaker, value: e.value, setBy: e.set_by, expiresAt: new Date(e.expires_at).toISOString() })),
    bakes: bakes.map((b) => ({ ...b, until: new Date(b.until).toISOString() })),
    reviews: reviews.map((r) => ({ ...r, id: Number(r.id), reason: r.reason ?? "", since: new Date(r.since).toISOString() })),
    rollouts: rollouts.map(({ next_step_at, ...r }) => ({ ...r, nextStepAt: next_step_at && new Date(next_step_at).toISOString() })),
    instances: instances.filter((i) => i.stale > 0 || i.drifted > 0),
  };
}
