import type CircuitBreaker from "opossum";
import type { BreakerSnapshot, BreakerState, Override } from "./types";

export interface BreakerFlags {
  enabled: boolean;
  opened: boolean;
  halfOpen: boolean;
}

/** The state the console shows: an override wins over what the breaker does underneath to honour it. */
export function breakerState(flags: BreakerFlags, override: Override): BreakerState {
  if (override !== "none") return override;
  if (!flags.enabled) return "disabled";
  if (flags.halfOpen) return "half_open";
  return flags.opened ? "open" : "closed";
}

/** The opossum options that shape a breaker's behaviour, as opossum filled in their defaults. */
export interface OpossumConfig {
  timeout?: number | false;
  resetTimeout?: number;
  errorThresholdPercentage?: number;
  rollingCountTimeout?: number;
  volumeThreshold?: number;
}

export type OpossumStats = Pick<CircuitBreaker.Stats, "failures" | "successes" | "rejects" | "timeouts" | "fallbacks" | "percentiles">;

/**
 * One breaker's part of a report, from opossum's rolling window. The failure rate is over calls
 * that ran (opossum counts a timeout as a failure too), not over rejected ones, so a breaker that
 * rejects everything while open does not look healthier than the dependency behind it.
 */
export function snapshotOf(
  name: string,
  state: BreakerState,
  stats: OpossumStats,
  since: Date,
  config: OpossumConfig,
  volumeThreshold: number,
): BreakerSnapshot {
  const ran = stats.successes + stats.failures;
  const p = stats.percentiles;
  // Without calls (all rejected, or idle) opossum's percentiles read 0, which is no latency at all.
  const latency = ran > 0 && p[0.5] !== undefined && p[0.5] >= 0 ? { p50: p[0.5], p95: p[0.95] ?? 0, p99: p[0.99] ?? 0 } : undefined;
  return {
    name,
    state,
    failures: stats.failures,
    successes: stats.successes,
    rejects: stats.rejects,
    timeouts: stats.timeouts,
    fallbacks: stats.fallbacks,
    failureRate: ran === 0 ? 0 : round(stats.failures / ran),
    ...(latency ? { latencyMs: latency } : {}),
    since: since.toISOString(),
    config: {
      errorThresholdPercentage: config.errorThresholdPercentage,
      resetTimeoutMs: config.resetTimeout,
      rollingCountTimeoutMs: config.rollingCountTimeout,
      timeoutMs: config.timeout === false ? null : config.timeout,
      volumeThreshold,
    },
  };
}

function round(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
