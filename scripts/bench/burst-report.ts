/** The report every request of the burst section sends: one instance of 500, one breaker. */
export function burstReport(i: number): string {
  return JSON.stringify({
    service: `burst-${i % 25}`,
    instance: `burst-${i}`,
    environment: "production",
    health: { status: "healthy" },
    breakers: [{ name: "upstream", state: "closed", failures: 0, successes: 100, rejects: 0, failureRate: 0, latencyMs: { p50: 20, p95: 80, p99: 150 } }],
  });
}
