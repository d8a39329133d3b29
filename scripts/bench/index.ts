/**
 * `npm run bench`: the console's figures on this machine, against its own embedded PostgreSQL and
 * its own production build (`.next-bench`), everything on 127.0.0.1. Not part of `npm test`.
 *   (a) commit-to-browser latency through the event stream at 100 and 1,000 subscribers, beside a
 *       bare LISTEN client on the same database;
 *   (b) report ingestion from 500 simulated instances;
 *   (c) the server's resident memory with 0 and 1,000 subscribers;
 *   (d) a fleet of 500 instances with 5 breakers each reporting every 5 s for a minute, with the
 *       Breakers page data read meanwhile.
 * Each measurement is a module of its own; a new one adds its rows below.
 */
import os from "node:os";
import { measureFleetLoad } from "./fleet-load";
import { measureIngestion } from "./report-ingestion";
import { settledResidentKb } from "./server-process";
import { DIST_DIR, startStack, Teardown } from "./stack";
import { measureStreamLatency, type StreamLatency } from "./stream-latency";
import { openSubscribers } from "./subscribers";
import { ms, printTable, ratio, type Row } from "./table";

const STREAM_RUNS = [
  { subscribers: 100, changes: 200, spacingMs: 50 },
  { subscribers: 1_000, changes: 100, spacingMs: 100 },
];
const INGESTION = { instances: 500, concurrency: 32, seconds: 20 };
const FLEET = { instances: 500, breakersPerInstance: 5, intervalMs: 5_000, seconds: 60 };
const P95_TARGET_MS = 50;

const log = (line: string) => console.log(`· ${line}`);

async function main(): Promise<void> {
  const teardown = new Teardown();
  const interrupted = () => void teardown.run().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const stack = await startStack(teardown, log);
    const loadBefore = loadAverage();
    const rows: Row[] = [];

    log("warming up the stream route");
    await (await openSubscribers(stack, 10)).close();

    let idleKb = 0;
    for (const { subscribers: count, changes, spacingMs } of STREAM_RUNS) {
      if (count === 1_000) idleKb = await settledResidentKb(stack.serverPid);
      log(`opening ${count} subscribers`);
      const subscribers = await openSubscribers(stack, count);
      if (count === 1_000) rows.push(...memoryRows(idleKb, await settledResidentKb(stack.serverPid), count));
      log(`committing ${changes} changes, ${spacingMs} ms apart`);
      rows.push(...latencyRows(count, await measureStreamLatency(stack, subscribers, changes, spacingMs)));
      await subscribers.close();
    }

    log(`report ingestion: ${INGESTION.instances} instances, ${INGESTION.concurrency} in flight, ${INGESTION.seconds} s`);
    const ingestion = await measureIngestion(stack, INGESTION);
    rows.push(
      { figure: "report ingestion, requests/s", value: ingestion.perSecond.toFixed(0), target: "≥ 1500", vsBaseline: "" },
      { figure: "report ingestion, p50", value: ms(ingestion.latency.p50), target: "", vsBaseline: "" },
      { figure: "report ingestion, p99", value: ms(ingestion.latency.p99), target: "≤ 50 ms", vsBaseline: "" },
      { figure: "report ingestion, failed requests", value: String(ingestion.failed), target: "0", vsBaseline: "" },
      { figure: "server CPU per report", value: ms(ingestion.serverCpuMsPerReport), target: "", vsBaseline: "" },
    );

    log(`fleet load: ${FLEET.instances} instances × ${FLEET.breakersPerInstance} breakers every ${FLEET.intervalMs / 1000} s for ${FLEET.seconds} s`);
    const fleet = await measureFleetLoad(stack, FLEET);
    rows.push(
      { figure: "fleet reports p50 / p99", value: `${ms(fleet.reports.p50)} / ${ms(fleet.reports.p99)}`, target: "p99 ≤ 50 ms", vsBaseline: "" },
      { figure: "fleet reports failed", value: `${fleet.failedReports} of ${fleet.reports.count}`, target: "0", vsBaseline: "" },
      { figure: "Breakers page data p50 / p95", value: `${ms(fleet.breakersPage.p50)} / ${ms(fleet.breakersPage.p95)}`, target: "p95 ≤ 100 ms", vsBaseline: "" },
      { figure: "server RSS under fleet load", value: `${(fleet.residentKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    );

    console.log(`\nBreakwater benchmark: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
    const loadAfter = loadAverage();
    const busy = Math.max(Number(loadBefore), Number(loadAfter)) > os.cpus().length;
    console.log(`load average (1 min) ${loadBefore} at the start, ${loadAfter} at the end${busy ? ": above the core count, other work shared the machine" : ""}\n`);
    printTable(rows);
    console.log(`
Latency runs from a committed change (timed as its COMMIT is sent) to the event's bytes reaching
each subscriber, on the monotonic clock the processes share; subscribers (in 2 processes of their
own) and the load generator share this machine's cores with the server. Memory is the next-server
process's VmRSS; CPU is its user + system time. Ingestion is timed after one untimed first report
per instance.

Reproduce:
  npm run bench                                     # builds into ${DIST_DIR} when sources changed
  rm -rf ${DIST_DIR} && npm run bench               # with a fresh build`);
  } finally {
    await teardown.run();
  }
}

function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

function latencyRows(count: number, { stream, baseline, missing, serverCpuMsPerChange }: StreamLatency): Row[] {
  const at = `${count} subscribers`;
  return [
    { figure: `stream p50, ${at}`, value: ms(stream.p50), target: "", vsBaseline: ratio(stream.p50, baseline.p50) },
    { figure: `stream p95, ${at}`, value: ms(stream.p95), target: `≤ ${P95_TARGET_MS} ms`, vsBaseline: ratio(stream.p95, baseline.p95) },
    { figure: `stream p99, ${at}`, value: ms(stream.p99), target: "", vsBaseline: ratio(stream.p99, baseline.p99) },
    { figure: `bare LISTEN p50/p95/p99 (baseline)`, value: `${ms(baseline.p50)} / ${ms(baseline.p95)} / ${ms(baseline.p99)}`, target: "", vsBaseline: "1×" },
    { figure: `stream deliveries missing, ${at}`, value: `${missing} of ${stream.count + missing}`, target: "0", vsBaseline: "" },
    { figure: `server CPU per change, ${at}`, value: ms(serverCpuMsPerChange), target: "", vsBaseline: "" },
  ];
}

function memoryRows(idleKb: number, loadedKb: number, count: number): Row[] {
  const perSubscriber = (loadedKb - idleKb) / count;
  return [
    { figure: "server RSS, 0 subscribers", value: `${(idleKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    { figure: `server RSS, ${count} subscribers`, value: `${(loadedKb / 1024).toFixed(1)} MiB`, target: "", vsBaseline: "" },
    { figure: "memory per subscriber", value: `${perSubscriber.toFixed(1)} KB`, target: "≤ 100 KB", vsBaseline: "" },
  ];
}

// Teardown has run by the time main settles; exiting drops any stream a failure left open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
