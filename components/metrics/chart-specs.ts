import { reportSeries } from "@/lib/domain/metrics/report-series";
import type { ChartSpec } from "./metric-chart";
import type { MetricService } from "./types";

const byBreaker = (tags: Record<string, string>) => tags.breaker ?? "all";

/** The charts every reporting service has, from the series its reports yield. */
const standard: ChartSpec[] = [
  { title: "Request rate", format: "perSecond", queries: [{ name: reportSeries.calls, groupBy: "", agg: "sum", label: () => "calls/s" }] },
  { title: "Error rate", format: "percent", queries: [{ name: reportSeries.errorRate, groupBy: "", agg: "avg", label: () => "error rate" }] },
  {
    title: "Latency",
    format: "ms",
    queries: [
      { name: reportSeries.p50, groupBy: "", agg: "max", label: () => "p50" },
      { name: reportSeries.p95, groupBy: "", agg: "max", label: () => "p95" },
      { name: reportSeries.p99, groupBy: "", agg: "max", label: () => "p99" },
    ],
  },
  { title: "Queue depth", format: "number", queries: [{ name: reportSeries.queueDepth, groupBy: "", agg: "sum", label: () => "queued" }] },
  { title: "Breaker error rates", format: "percent", queries: [{ name: reportSeries.errorRate, groupBy: "breaker", agg: "avg", label: byBreaker }] },
  { title: "Breaker calls", format: "perSecond", queries: [{ name: reportSeries.calls, groupBy: "breaker", agg: "sum", label: byBreaker }] },
  { title: "Open breakers (instances)", format: "number", queries: [{ name: reportSeries.open, groupBy: "breaker", agg: "sum", label: byBreaker }] },
];

const standardNames = new Set<string>(Object.values(reportSeries));

/** The standard charts the service has series for, then one chart per other metric it sends. */
export function chartsFor(service: MetricService | undefined): ChartSpec[] {
  const names = new Set(service?.metrics.map((m) => m.name) ?? []);
  const others = (service?.metrics ?? [])
    .filter((m) => !standardNames.has(m.name))
    .map((m): ChartSpec => ({ title: m.name, format: "number", queries: [{ name: m.name }] }));
  return [...standard.filter((c) => c.queries.some((q) => names.has(q.name))), ...others];
}
