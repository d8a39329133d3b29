import { sql } from "drizzle-orm";
import { breakers, breakerStateValues } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../services/liveness";
import type { BreakerState } from "./types";

/** One (service, breaker) aggregated over its instances by the database, so a fleet's page reads one row per card. */
export interface CardRow {
  service: string;
  breaker: string;
  /** Live instances per state, in the order of `breakerStateValues`. */
  counts: Record<BreakerState, number>;
  live: number;
  stale: number;
  /** The headline state among live instances, or among all when none is live. */
  worst: BreakerState;
  failureRate: number;
  callsPerSecond: number;
  rejectsPerSecond: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  lastChange: Date;
}

// The headline state of a card is the first of these any live instance is in.
const headlineOrder: BreakerState[] = ["open", "half_open", "forced_open", "forced_closed", "closed", "disabled"];

type Raw = Omit<CardRow, "counts" | "worst" | "lastChange"> & { counts: number[]; worst: number; last_change_ms: number };

/**
 * Turbine's aggregation: counts per state and summed rates over live instances, the worst latency,
 * and the failure rate weighted by the calls each instance executed, so an idle instance's 100% does
 * not drown a busy one's 1%.
 */
export async function cardRows(db: Db, now: Date, service?: string): Promise<CardRow[]> {
  const live = reportedRecently(breakers.reportedAt, now);
  const executed = sql`greatest(coalesce(${breakers.callsPerSecond}, 0) - coalesce(${breakers.rejectsPerSecond}, 0), 0)`;
  const weighted = sql`${live} and ${breakers.failureRate} is not null and ${executed} > 0`;
  const order = sql.raw(`array[${headlineOrder.map((s) => `'${s}'`).join(", ")}]`);
  const rows = await db.execute<Raw>(sql`
    select ${breakers.service} as service, ${breakers.name} as breaker,
      array[${sql.join(
        breakerStateValues.map((s) => sql`count(*) filter (where ${live} and ${breakers.state} = ${s})::int`),
        sql`, `,
      )}] as counts,
      count(*) filter (where ${live})::int as live,
      count(*) filter (where not (${live}))::int as stale,
      coalesce(min(array_position(${order}, ${breakers.state})) filter (where ${live}), min(array_position(${order}, ${breakers.state}))) as worst,
      coalesce(
        sum(${breakers.failureRate} * ${executed}) filter (where ${weighted}) / nullif(sum(${executed}) filter (where ${weighted}), 0),
        avg(${breakers.failureRate}) filter (where ${live}),
        0)::float8 as "failureRate",
      coalesce(sum(${breakers.callsPerSecond}) filter (where ${live}), 0)::float8 as "callsPerSecond",
      coalesce(sum(${breakers.rejectsPerSecond}) filter (where ${live}), 0)::float8 as "rejectsPerSecond",
      (max(${breakers.latencyP50}) filter (where ${live}))::float8 as p50,
      (max(${breakers.latencyP95}) filter (where ${live}))::float8 as p95,
      (max(${breakers.latencyP99}) filter (where ${live}))::float8 as p99,
      extract(epoch from max(${breakers.stateSince})) * 1000 as last_change_ms
    from ${breakers}
    ${service ? sql`where ${breakers.service} = ${service}` : sql``}
    group by ${breakers.service}, ${breakers.name}`);
  return rows.map((r) => ({
    ...r,
    counts: Object.fromEntries(breakerStateValues.map((s, i) => [s, r.counts[i] ?? 0])) as Record<BreakerState, number>,
    worst: headlineOrder[r.worst - 1] ?? "closed",
    failureRate: Number(r.failureRate),
    callsPerSecond: round(Number(r.callsPerSecond)),
    rejectsPerSecond: round(Number(r.rejectsPerSecond)),
    lastChange: new Date(Number(r.last_change_ms)),
  }));
}

// Sums of float4 rates carry noise (0.1 + 0.2); it should reach no page or client.
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
