import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { eachLimited, spread, untilAdmitted, type Spread } from "./stats";
import { ms, type Section } from "./table";

export interface IngestionOptions {
  instances: number;
  concurrency: number;
  seconds: number;
}

export interface Ingestion {
  perSecond: number;
  latency: Spread;
  failed: number;
  serverCpuMsPerReport: number;
}

const MAX_REQUESTS = 500_000;
const INGESTION: IngestionOptions = { instances: 500, concurrency: 32, seconds: 20 };

/** Report ingestion from 500 simulated instances, a fixed number of requests in flight. */
export const ingestionSection: Section = async (stack, log) => {
  log(`report ingestion: ${INGESTION.instances} instances, ${INGESTION.concurrency} in flight, ${INGESTION.seconds} s`);
  const ingestion = await measureIngestion(stack, INGESTION);
  return [
    { figure: "report ingestion, requests/s", value: ingestion.perSecond.toFixed(0), target: "≥ 1000", vsBaseline: "" },
    { figure: "report ingestion, p50", value: ms(ingestion.latency.p50), target: "", vsBaseline: "" },
    { figure: "report ingestion, p99", value: ms(ingestion.latency.p99), target: "≤ 50 ms", vsBaseline: "" },
    { figure: "report ingestion, failed requests", value: String(ingestion.failed), target: "0", vsBaseline: "" },
    { figure: "server CPU per report", value: ms(ingestion.serverCpuMsPerReport), target: "", vsBaseline: "" },
  ];
};

/**
 * `POST /api/v1/report` from a simulated fleet, each request a fixed number in flight: first one
 * untimed report per instance (its first appearance, which is audited), then the steady state,
 * where instances report an unchanged state as they do between incidents.
 */
export async function measureIngestion(stack: Stack, options: IngestionOptions): Promise<Ingestion> {
  const instances = Array.from({ length: options.instances }, (_, i) => i);
  const post = async (i: number) => {
    const response = await fetch(`${stack.laneOrigin}/api/v1/report`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
      body: JSON.stringify(report(i)),
    });
    await response.arrayBuffer();
    return response.status;
  };
  await eachLimited(instances, options.concurrency, async (i) => {
    const status = await untilAdmitted(() => post(i));
    if (status !== 200) throw new Error(`a first report answered HTTP ${status}`);
  });

  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const cpuBefore = await cpuMs(stack.lanePid);
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && next < MAX_REQUESTS) {
      const i = next++ % options.instances;
      const sent = performance.now();
      const status = await post(i).catch(() => 0);
      latencies.push(performance.now() - sent);
      if (status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const serverCpuMsPerReport = ((await cpuMs(stack.lanePid)) - cpuBefore) / latencies.length;
  return { perSecond: latencies.length / elapsed, latency: spread(latencies), failed, serverCpuMsPerReport };
}

/** An instance's report, shaped like the contract's example. */
function report(i: number) {
  return {
    service: `bench-service-${i % 25}`,
    instance: `bench-${i}`,
    environment: "production",
    mode: "normal",
    configVersion: 1,
    health: { status: "healthy", checks: { db: "healthy", llm: "healthy" } },
    queueDepth: 0,
    breakers: [
      {
        name: "openai",
        state: "closed",
        failures: 0,
        successes: 120,
        rejects: 0,
        timeouts: 0,
        fallbacks: 0,
        failureRate: 0,
        latencyMs: { p50: 120, p95: 300, p99: 600 },
        config: { failureThreshold: 5, resetTimeoutMs: 60000, halfOpenSuccesses: 3 },
      },
    ],
    metrics: [{ name: "http_requests_total", kind: "counter", value: 1234, tags: { route: "/chat" } }],
  };
}
