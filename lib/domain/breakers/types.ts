import type { breakerStates } from "@/lib/domain/services/report-schema";

/** The results of the breaker queries, as the Breakers page and the API show them. Times are RFC 3339 strings. */

export type BreakerState = (typeof breakerStates)[number];

export type BreakerOverrideKind = "forced_open" | "forced_closed";

/** An operator's force on a breaker of a service, applied by every instance through the control document. */
export interface BreakerOverride {
  override: BreakerOverrideKind;
  reason: string;
  setBy: string;
  setAt: string;
  expiresAt: string | null;
}

export interface LatencyMs {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** One minute of the sparkline; `errorRate` is null for a minute without calls. */
export interface SparkPoint {
  at: string;
  errorRate: number | null;
}

/** One (service, breaker) aggregated over its live instances, as Turbine does. */
export interface BreakerCard {
  service: string;
  breaker: string;
  /** The headline state: the override if one is set, else the worst state among live instances. */
  state: BreakerState;
  /** Live instances per state, e.g. `{ open: 1, closed: 3 }`. */
  stateCounts: Partial<Record<BreakerState, number>>;
  liveInstances: number;
  staleInstances: number;
  /** 0..1 over the instances' rolling windows, weighted by their calls. */
  failureRate: number;
  callsPerSecond: number;
  rejectsPerSecond: number;
  /** The worst of the live instances' percentiles. */
  latencyMs: LatencyMs;
  override: BreakerOverride | null;
  lastTransitionAt: string | null;
  /** 15 points, one per minute, oldest first, ending with the current minute. */
  sparkline: SparkPoint[];
}

/** One instance's snapshot of a breaker, from its last report and events. */
export interface BreakerInstance {
  instance: string;
  state: BreakerState;
  stateSince: string;
  stale: boolean;
  lastReport: string;
  failureRate: number | null;
  callsPerSecond: number | null;
  rejectsPerSecond: number | null;
  latencyMs: LatencyMs;
  failures: number | null;
  successes: number | null;
  rejects: number | null;
  timeouts: number | null;
  fallbacks: number | null;
  config: Record<string, unknown> | null;
}

export type TransitionSource = "report" | "event" | "override" | "expiry";

/**
 * A change of a breaker's state. For `override` and `expiry` the instance is null (the force applies
 * to the whole service) and `from`/`to` are override values, `"none"` meaning no override.
 */
export interface BreakerTransition {
  id: number;
  service: string;
  instance: string | null;
  breaker: string;
  from: string | null;
  to: string;
  at: string;
  source: TransitionSource;
  actor: string | null;
}

/** The drill-down of one breaker: the card, each instance, and its recent transitions newest first. */
export interface ServiceBreaker extends BreakerCard {
  instances: BreakerInstance[];
  transitions: BreakerTransition[];
}

export interface ServiceBreakers {
  service: string;
  breakers: ServiceBreaker[];
}

/** Per service, for the overview: how many breakers are in each kind of trouble. */
export interface BreakersSummary {
  total: number;
  open: number;
  halfOpen: number;
  forced: number;
}
