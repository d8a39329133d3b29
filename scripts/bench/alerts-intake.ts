import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { eachLimited, spread, type Spread } from "./stats";

/**
 * Four in flight is one Alertmanager sending a few groups at once; 32 is a fleet's several
 * Prometheus servers (or Alertmanagers) posting at the same time, which is when group commit matters.
 */
export const INTAKE = { alerts: 5_000, perPayload: 10, concurrencies: [4, 32] };

export interface IntakeRun {
  alertsPerSecond: number;
  latency: Spread;
  failed: number;
  /** The receiving process's CPU time per alert. */
  cpuMsPerAlert: number;
}

/** Where a batch of alerts is posted, and how: the console's Alertmanager webhook, or Alertmanager's own API. */
export interface IntakeTarget {
  pid: number;
  post(alerts: BenchAlert[]): Promise<number>;
}

export interface BenchAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  generatorURL: string;
}

/** 5,000 distinct alerts of a run, as a Prometheus with a busy fleet would fire them. */
export function intakeAlerts(run: string): BenchAlert[] {
  const startsAt = new Date().toISOString();
  return Array.from({ length: INTAKE.alerts }, (_, i) => ({
    labels: { alertname: `BenchIntake${i % 50}`, service: `bench-service-${i % 25}`, instance: `${run}-host-${i}`, severity: i % 10 === 0 ? "info" : "warning", bench: "intake" },
    annotations: { summary: `instance ${i} is unhappy` },
    startsAt,
    generatorURL: `http://prometheus.local/graph?g0.expr=up%7Binstance%3D%22${i}%22%7D`,
  }));
}

/** The console's webhook, as Alertmanager calls it: version 4, ten alerts a request. */
export function consoleTarget(stack: Stack): IntakeTarget {
  return { pid: stack.lanePid, post: (alerts) => postWebhook(stack, alerts, "firing") };
}

/** One Alertmanager webhook payload to the console; returns the HTTP status. */
export async function postWebhook(stack: Stack, alerts: BenchAlert[], status: "firing" | "resolved"): Promise<number> {
  const payload = {
    version: "4",
    status,
    receiver: "breakwater",
    groupKey: `{}:{alertname="${alerts[0]!.labels.alertname}"}`,
    truncatedAlerts: 0,
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager.local",
    alerts: alerts.map((a) => ({ status, ...a, endsAt: status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z", fingerprint: "" })),
  };
  const response = await fetch(`${stack.laneOrigin}/api/v1/alerts/alertmanager`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Alertmanager's own intake, `POST /api/v2/alerts`, the same ten alerts a request. */
export function alertmanagerTarget(origin: string, pid: number): IntakeTarget {
  return {
    pid,
    async post(alerts) {
      const response = await fetch(`${origin}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      await response.arrayBuffer();
      return response.status;
    },
  };
}

export function payloads(alerts: BenchAlert[]): BenchAlert[][] {
  return Array.from({ length: Math.ceil(alerts.length / INTAKE.perPayload) }, (_, i) => alerts.slice(i * INTAKE.perPayload, (i + 1) * INTAKE.perPayload));
}

/** Posts every alert once, `concurrency` requests in flight, timing each request. */
export async function measureIntake(target: IntakeTarget, alerts: BenchAlert[], concurrency: number): Promise<IntakeRun> {
  const batches = payloads(alerts);
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = await cpuMs(target.pid);
  const started = performance.now();
  await eachLimited(batches, concurrency, async (batch) => {
    const sent = performance.now();
    const status = await target.post(batch).catch(() => 0);
    latencies.push(performance.now() - sent);
    if (status < 200 || status >= 300) failed += 1;
  });
  const elapsed = (performance.now() - started) / 1000;
  return { alertsPerSecond: alerts.length / elapsed, latency: spread(latencies), failed, cpuMsPerAlert: ((await cpuMs(target.pid)) - cpuBefore) / alerts.length };
}
