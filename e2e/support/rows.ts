import type postgres from "postgres";

/**
 * Row counts of every table of the console, to show that a refused or malformed request wrote nothing.
 * `audit_events` counts recorded attempts: an event standing for a folded burst of N refusals
 * counts N, so "one more refusal" reads the same whether it opened a burst or joined one; the
 * folds' own table is that counter's storage and is left out.
 */
export async function rowCounts(sql: postgres.Sql): Promise<Record<string, number>> {
  // Partitions are left out: a partitioned table counts their rows, and the metrics job creates
  // tomorrow's partitions whenever it runs, which is no write of the request under test. So are the
  // incident tables: the incidents job opens and joins them from alerts a test sent earlier. So are
  // the chain's checkpoints, which the anchoring job writes as the log grows.
  const tables = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('audit_refusal_folds', 'incidents', 'incident_alerts', 'audit_checkpoints')
    order by c.relname`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(name)}`;
    counts[name] = row!.n;
  }
  counts.audit_events! += await foldedRefusals(sql);
  return counts;
}

export interface AuditRecord {
  id: number;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: "ok" | "denied";
  reason: string | null;
  ip: string | null;
}

/** Refusals counted on a burst's event beyond the one the event itself records. */
async function foldedRefusals(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select coalesce(sum(count - 1), 0)::int as n from audit_refusal_folds`;
  return row!.n;
}

/** The event of the burst the latest refusal opened or joined, with how many attempts it stands for. */
export async function lastRefusal(sql: postgres.Sql): Promise<(AuditRecord & { count: number }) | undefined> {
  const [row] = await sql<(AuditRecord & { count: number })[]>`
    select a.id::int as id, a.actor, a.role, a.action, a.target, a.outcome, a.reason, a.ip, f.count
    from audit_refusal_folds f join audit_events a on a.id = f.audit_id order by f.last_at desc, f.count desc limit 1`;
  return row;
}

export async function lastAuditId(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ id: number }[]>`select coalesce(max(id), 0)::int as id from audit_events`;
  return row!.id;
}

/** Audit events written after `afterId`, oldest first. */
export function auditAfter(sql: postgres.Sql, afterId: number): Promise<AuditRecord[]> {
  return sql<AuditRecord[]>`
    select id::int as id, actor, role, action, target, outcome, reason, ip
    from audit_events where id > ${afterId} order by id`;
}
