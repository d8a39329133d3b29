import type { Stack } from "./stack";
import { copyRows, createSeries, partitionsFor } from "./metrics-seed";
import { eachLimited, untilAdmitted } from "./stats";

export interface MetricIngest {
  httpPointsPerSecond: number;
  copyRowsPerSecond: number;
  failedBatches: number;
}

const BATCH = 1_000;
const SERIES = 100;

/**
 * Points through `POST /api/v1/metrics` in batches of 1,000 with `concurrency` batches in flight,
 * then the same number of rows of the same series by a raw COPY into the same table: the bound
 * the HTTP path is measured against. The series exist beforehand (the first batch creates them,
 * untimed), as in the steady state of a fleet.
 */
export async function measureMetricIngest(stack: Stack, options: { batches: number; concurrency: number }): Promise<MetricIngest> {
  const service = "bench-ingest";
  const started = Date.now();
  const batch = (b: number) =>
    Array.from({ length: BATCH }, (_, i) => ({
      service,
      name: "requests_per_second",
      kind: "gauge",
      value: (b * BATCH + i) % 97,
      ts: new Date(started - ((b * BATCH + i) % 600_000)).toISOString(),
      tags: { instance: `i-${i % SERIES}`, route: "/chat" },
    }));
  const bodies = Array.from({ length: 20 }, (_, b) => JSON.stringify(batch(b)));
  const post = async (b: number) => {
    const res = await fetch(`${stack.laneOrigin}/api/v1/metrics`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.serviceToken}`, "content-type": "application/json" },
      body: bodies[b % bodies.length],
    });
    await res.arrayBuffer();
    return res.status;
  };
  if ((await untilAdmitted(() => post(0))) !== 202) throw new Error("the first metrics batch was refused");

  let failedBatches = 0;
  const batches = Array.from({ length: options.batches }, (_, b) => b);
  const httpStarted = performance.now();
  await eachLimited(batches, options.concurrency, async (b) => {
    if ((await post(b)) !== 202) failedBatches += 1;
  });
  const httpSeconds = (performance.now() - httpStarted) / 1000;

  const total = options.batches * BATCH;
  const ids = await createSeries(stack.database, "bench-copy", "requests_per_second", SERIES, (i) => ({ instance: `i-${i}`, route: "/chat" }));
  await partitionsFor(stack.database, started - 600_000, started);
  const copyStarted = performance.now();
  await copyRows(stack.database.sql, total, (i) => [ids[i % SERIES]!, started - (i % 600_000), i % 97]);
  const copySeconds = (performance.now() - copyStarted) / 1000;

  return { httpPointsPerSecond: total / httpSeconds, copyRowsPerSecond: total / copySeconds, failedBatches };
}
