import { readdir, readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Stack } from "./stack";
import { copyRows, createSeries, partitionsFor } from "./metrics-seed";
import { cpuMs } from "./server-process";
import { eachLimited, untilAdmitted } from "./stats";

export interface MetricIngest {
  httpPointsPerSecond: number;
  copyRowsPerSecond: number;
  failedBatches: number;
  /** CPU time per 1,000 points: the lane's, PostgreSQL's while the lane wrote them, and PostgreSQL's under the raw COPY. */
  laneCpuMsPerBatch: number;
  databaseCpuMsPerBatch: number;
  copyDatabaseCpuMsPerBatch: number;
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
  const databaseCpu = await databaseCpuMeter(stack.database);
  const laneBefore = await cpuMs(stack.lanePid);
  const databaseBefore = await databaseCpu();
  const httpStarted = performance.now();
  await eachLimited(batches, options.concurrency, async (b) => {
    if ((await post(b)) !== 202) failedBatches += 1;
  });
  const httpSeconds = (performance.now() - httpStarted) / 1000;
  const laneCpuMsPerBatch = ((await cpuMs(stack.lanePid)) - laneBefore) / options.batches;
  const databaseCpuMsPerBatch = ((await databaseCpu()) - databaseBefore) / options.batches;

  const total = options.batches * BATCH;
  const ids = await createSeries(stack.database, "bench-copy", "requests_per_second", SERIES, (i) => ({ instance: `i-${i}`, route: "/chat" }));
  await partitionsFor(stack.database, started - 600_000, started);
  const copyDatabaseBefore = await databaseCpu();
  const copyStarted = performance.now();
  await copyRows(stack.database.sql, total, (i) => [ids[i % SERIES]!, started - (i % 600_000), i % 97]);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const copyDatabaseCpuMsPerBatch = ((await databaseCpu()) - copyDatabaseBefore) / options.batches;

  return {
    httpPointsPerSecond: total / httpSeconds,
    copyRowsPerSecond: total / copySeconds,
    failedBatches,
    laneCpuMsPerBatch,
    databaseCpuMsPerBatch,
    copyDatabaseCpuMsPerBatch,
  };
}

/**
 * Reads the CPU time of every PostgreSQL process (the postmaster's children: backends, WAL
 * writer, checkpointer), found through the parent of one of the bench's own backends.
 */
async function databaseCpuMeter(database: Database): Promise<() => Promise<number>> {
  const [row] = await database.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  const postmaster = Number((await statFields(row!.pid))[1]);
  return async () => {
    let total = 0;
    for (const entry of await readdir("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = await statFields(Number(entry)).catch(() => null);
      if (fields && Number(fields[1]) === postmaster) total += await cpuMs(Number(entry)).catch(() => 0);
    }
    return total;
  };
}

/** The fields of /proc/<pid>/stat after the command name: state, ppid, … */
async function statFields(pid: number): Promise<string[]> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
