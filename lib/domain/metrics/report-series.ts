/** The series every report yields, so a service has curves without sending a single metric. Pure: charts import it. */
export const reportSeries = {
  calls: "breaker_calls_per_second",
  errorRate: "breaker_error_rate",
  p50: "breaker_latency_p50_ms",
  p95: "breaker_latency_p95_ms",
  p99: "breaker_latency_p99_ms",
  open: "breaker_open",
  queueDepth: "queue_depth",
} as const;
