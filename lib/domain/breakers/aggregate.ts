import type { breakers } from "@/drizzle/schema";
import { isStale } from "../services/liveness";
import type { CardRow } from "./card-rows";
import type { BreakerCard, BreakerInstance, BreakerOverride, SparkPoint } from "./types";

export function toInstance(row: typeof breakers.$inferSelect, now: Date): BreakerInstance {
  return {
    instance: row.instance,
    state: row.state,
    stateSince: row.stateSince.toISOString(),
    stale: isStale(row.reportedAt, now),
    lastReport: row.reportedAt.toISOString(),
    failureRate: row.failureRate,
    callsPerSecond: row.callsPerSecond,
    rejectsPerSecond: row.rejectsPerSecond,
    latencyMs: { p50: row.latencyP50, p95: row.latencyP95, p99: row.latencyP99 },
    failures: row.failures,
    successes: row.successes,
    rejects: row.rejects,
    timeouts: row.timeouts,
    fallbacks: row.fallbacks,
    config: row.config,
  };
}

/** A card from its aggregated row, its override and its sparkline. */
export function toCard(row: CardRow, override: BreakerOverride | null, sparkline: SparkPoint[]): BreakerCard {
  const stateCounts: BreakerCard["stateCounts"] = {};
  for (const [state, count] of Object.entries(row.counts) as [keyof typeof row.counts, number][]) if (count > 0) stateCounts[state] = count;
  const lastChange = Math.max(row.lastChange.getTime(), override ? Date.parse(override.setAt) : -Infinity);
  return {
    service: row.service,
    breaker: row.breaker,
    state: override?.override ?? row.worst,
    stateCounts,
    liveInstances: row.live,
    staleInstances: row.stale,
    failureRate: row.failureRate,
    callsPerSecond: row.callsPerSecond,
    rejectsPerSecond: row.rejectsPerSecond,
    latencyMs: { p50: row.p50, p95: row.p95, p99: row.p99 },
    override,
    lastTransitionAt: Number.isFinite(lastChange) ? new Date(lastChange).toISOString() : null,
    sparkline,
  };
}

/** Trouble first: any instance open, then half-open, then forced, then by failure rate. */
export function byTrouble(a: BreakerCard, b: BreakerCard): number {
  return rank(a) - rank(b) || b.failureRate - a.failureRate || a.service.localeCompare(b.service) || a.breaker.localeCompare(b.breaker);
}

function rank(card: BreakerCard): number {
  if (card.stateCounts.open) return 0;
  if (card.stateCounts.half_open) return 1;
  if (card.override || card.stateCounts.forced_open || card.stateCounts.forced_closed) return 2;
  return 3;
}
