import { nextBreaker, type PriorBreaker } from "../breakers/snapshot";
import type { ReportInput } from "../services/report-schema";
import { reportSeries } from "./report-series";
import type { Point } from "./write-points";

const OPEN_STATES = new Set(["open", "forced_open"]);

/**
 * A report's metrics and the standard series derived from it: per breaker its call rate, error
 * rate, latency percentiles (the same figures the Breakers page shows) and whether it is open (1)
 * or not (0), and the queue depth; all tagged with the instance. The caller writes them with
 * `writePoints(…, "skip")`: series past the service's cap are dropped rather than failing the
 * report, which carries the control document back.
 */
export function reportPoints(input: ReportInput, prior: PriorBreaker[], now: Date): Point[] {
  const { service, instance } = input;
  const ts = now.getTime();
  const points: Point[] = [];
  const gauge = (name: string, value: number | null | undefined, tags: Record<string, string>) => {
    if (value !== null && value !== undefined && Number.isFinite(value)) points.push({ service, name, kind: "gauge", tags, ts, value });
  };
  const byName = new Map(prior.map((p) => [p.name, p]));
  for (const reported of input.breakers ?? []) {
    const { row } = nextBreaker(service, instance, reported, byName.get(reported.name), now);
    const tags = { breaker: reported.name, instance };
    gauge(reportSeries.calls, row.callsPerSecond, tags);
    gauge(reportSeries.errorRate, row.failureRate, tags);
    gauge(reportSeries.p50, row.latencyP50, tags);
    gauge(reportSeries.p95, row.latencyP95, tags);
    gauge(reportSeries.p99, row.latencyP99, tags);
    gauge(reportSeries.open, OPEN_STATES.has(reported.state) ? 1 : 0, tags);
  }
  gauge(reportSeries.queueDepth, input.queueDepth, { instance });
  for (const m of input.metrics ?? []) points.push({ service, name: m.name, kind: m.kind, tags: { ...m.tags, instance }, ts, value: m.value });
  return points;
}
