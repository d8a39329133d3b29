import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { nextBreaker, type PriorBreaker, type ReportedBreaker } from "./snapshot";

export interface RecordedSnapshots {
  /** State changes recorded as transitions. */
  transitions: number;
  /** Breakers this instance reported for the first time. */
  firstSeen: number;
}

/** One report's breakers: what it reported and what the previous report left. */
export interface InstanceSnapshots {
  service: string;
  instance: string;
  reported: ReportedBreaker[];
  prior: PriorBreaker[];
}

/**
 * Stores the breaker snapshots of a batch of reports, each given the previous ones: the new
 * snapshots, their transitions and their share of the current sparkline minute, in one statement.
 * An instance appears at most once per call. Returns what was recorded, report by report.
 */
export async function recordSnapshots(tx: Db, reports: InstanceSnapshots[], now: Date): Promise<RecordedSnapshots[]> {
  const next = reports.map(({ service, instance, reported, prior }) => {
    // A name reported twice counts once, as its last snapshot: one statement cannot upsert a row twice.
    const latest = new Map(reported.map((b) => [b.name, b]));
    const byName = new Map<string, PriorBreaker>(prior.map((p) => [p.name, p]));
    const breakers = [...latest.values()].map((b) => nextBreaker(service, instance, b, byName.get(b.name), now));
    return { breakers, firstSeen: breakers.filter((n) => !byName.has(n.row.name)).length };
  });
  const all = next.flatMap((n) => n.breakers);
  if (all.length === 0) return next.map(() => ({ transitions: 0, firstSeen: 0 }));
  // Sorted so that two writers lock rows in the same order.
  const key = (n: (typeof all)[number]) => `${n.row.service}\u0000${n.row.instance}\u0000${n.row.name}`;
  all.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const rows = all.map(({ row, minute }) => ({
    service: row.service,
    instance: row.instance,
    name: row.name,
    state: row.state,
    state_since: (row.stateSince as Date).toISOString(),
    failures: row.failures,
    successes: row.successes,
    rejects: row.rejects,
    timeouts: row.timeouts,
    fallbacks: row.fallbacks,
    failure_rate: row.failureRate,
    calls_per_second: row.callsPerSecond,
    rejects_per_second: row.rejectsPerSecond,
    latency_p50: row.latencyP50,
    latency_p95: row.latencyP95,
    latency_p99: row.latencyP99,
    config: row.config,
    minute_failures: minute.failures,
    minute_successes: minute.successes,
    minute_rejects: minute.rejects,
  }));
  const transitions = all.flatMap(({ row, transition }) =>
    transition
      ? [{ service: row.service, instance: row.instance, breaker: row.name, from_state: transition.from, to_state: transition.to, at: transition.at.toISOString() }]
      : [],
  );
  const at = now.toISOString();
  await tx.execute(sql`
    with reported as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        service text, instance text, name text, state text, state_since timestamptz, failures int, successes int, rejects int, timeouts int, fallbacks int,
        failure_rate real, calls_per_second real, rejects_per_second real, latency_p50 real, latency_p95 real, latency_p99 real,
        config jsonb, minute_failures bigint, minute_successes bigint, minute_rejects bigint)
    ), snapshots as (
      insert into breakers (service, instance, name, state, state_since, failures, successes, rejects, timeouts, fallbacks,
        failure_rate, calls_per_second, rejects_per_second, latency_p50, latency_p95, latency_p99, config, reported_at)
      select service, instance, name, state, state_since, failures, successes, rejects, timeouts, fallbacks,
        failure_rate, calls_per_second, rejects_per_second, latency_p50, latency_p95, latency_p99, config, ${at}::timestamptz
      from reported
      on conflict (service, instance, name) do update set
        state = excluded.state, state_since = excluded.state_since, failures = excluded.failures, successes = excluded.successes,
        rejects = excluded.rejects, timeouts = excluded.timeouts, fallbacks = excluded.fallbacks, failure_rate = excluded.failure_rate,
        calls_per_second = excluded.calls_per_second, rejects_per_second = excluded.rejects_per_second,
        latency_p50 = excluded.latency_p50, latency_p95 = excluded.latency_p95, latency_p99 = excluded.latency_p99,
        config = excluded.config, reported_at = excluded.reported_at
    ), changes as (
      insert into breaker_transitions (service, instance, breaker, from_state, to_state, at, source)
      select service, instance, breaker, from_state, to_state, at, 'report'
      from jsonb_to_recordset(${JSON.stringify(transitions)}::jsonb) as t(service text, instance text, breaker text, from_state text, to_state text, at timestamptz)
    )
    insert into breaker_minutes (service, breaker, instance, minute, failures, successes, rejects)
    select service, name, instance, date_trunc('minute', ${at}::timestamptz), minute_failures, minute_successes, minute_rejects
    from reported
    on conflict (service, breaker, instance, minute) do update set
      failures = breaker_minutes.failures + excluded.failures,
      successes = breaker_minutes.successes + excluded.successes,
      rejects = breaker_minutes.rejects + excluded.rejects`);
  return next.map((n) => ({ transitions: n.breakers.filter((b) => b.transition !== null).length, firstSeen: n.firstSeen }));
}
