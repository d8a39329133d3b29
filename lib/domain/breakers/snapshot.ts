import type { z } from "zod";
import type { breakers } from "@/drizzle/schema";
import type { breakerSnapshot } from "@/lib/domain/services/report-schema";
import type { BreakerState } from "./types";

export type ReportedBreaker = z.output<typeof breakerSnapshot>;

/** What the previous report left of a breaker: enough to derive rates and transitions. */
export interface PriorBreaker {
  name: string;
  state: BreakerState;
  stateSince: Date;
  failures: number | null;
  successes: number | null;
  rejects: number | null;
  reportedAt: Date;
}

export interface NextBreaker {
  row: typeof breakers.$inferInsert;
  transition: { from: BreakerState | null; to: BreakerState; at: Date } | null;
  /** What this report adds to the current minute of the error-rate sparkline. */
  minute: { failures: number; successes: number; rejects: number };
}

/**
 * Derives a breaker's new snapshot from its report and the one before.
 *
 * opossum counts `failures`, `successes` and `rejects` over a rolling window (timeouts are counted
 * as failures too). When the report's `config` names that window (`rollingCountTimeout` or
 * `rollingCountTimeoutMs`, in ms) the rates are the window's counts over its length. Otherwise the
 * counts are taken as cumulative and the rates come from the difference with the previous report,
 * a decrease meaning the counter restarted. The first report without a window has no rates.
 */
export function nextBreaker(service: string, instance: string, reported: ReportedBreaker, prior: PriorBreaker | undefined, now: Date): NextBreaker {
  const counts = { failures: reported.failures ?? 0, successes: reported.successes ?? 0, rejects: reported.rejects ?? 0 };
  const windowMs = windowOf(reported.config);
  let interval: typeof counts | null = null;
  let seconds = 0;
  if (windowMs) {
    interval = counts;
    seconds = windowMs / 1000;
  } else if (prior && now > prior.reportedAt) {
    interval = {
      failures: increase(prior.failures, counts.failures),
      successes: increase(prior.successes, counts.successes),
      rejects: increase(prior.rejects, counts.rejects),
    };
    seconds = (now.getTime() - prior.reportedAt.getTime()) / 1000;
  }
  const executed = interval ? interval.failures + interval.successes : 0;
  const failureRate = reported.failureRate ?? (executed > 0 && interval ? interval.failures / executed : null);
  const changed = !prior || prior.state !== reported.state;
  const changedAt = changed ? transitionTime(reported.since, prior, now) : prior.stateSince;
  return {
    row: {
      service,
      instance,
      name: reported.name,
      state: reported.state,
      stateSince: changedAt,
      failures: reported.failures ?? null,
      successes: reported.successes ?? null,
      rejects: reported.rejects ?? null,
      timeouts: reported.timeouts ?? null,
      fallbacks: reported.fallbacks ?? null,
      failureRate,
      callsPerSecond: interval ? (executed + interval.rejects) / seconds : null,
      rejectsPerSecond: interval ? interval.rejects / seconds : null,
      latencyP50: reported.latencyMs?.p50 ?? null,
      latencyP95: reported.latencyMs?.p95 ?? null,
      latencyP99: reported.latencyMs?.p99 ?? null,
      config: reported.config ?? null,
      reportedAt: now,
    },
    // A breaker seen for the first time has no transition: nothing is known of its state before.
    transition: prior && changed ? { from: prior.state, to: reported.state, at: changedAt } : null,
    minute: interval ?? { failures: 0, successes: 0, rejects: 0 },
  };
}

function windowOf(config: Record<string, unknown> | undefined): number | null {
  const value = config?.rollingCountTimeoutMs ?? config?.rollingCountTimeout;
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

function increase(before: number | null, after: number): number {
  return before !== null && after >= before ? after - before : after;
}

/** The instance's own `since` when it is plausible (after the state it replaces began, not in the future), else now. */
function transitionTime(since: string | undefined, prior: PriorBreaker | undefined, now: Date): Date {
  if (!since) return now;
  const at = new Date(since);
  if (at > now || (prior && at < prior.stateSince)) return now;
  return at;
}
