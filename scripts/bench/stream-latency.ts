import postgres from "postgres";
import { LIVE_CHANNEL, publish } from "@/lib/live/events";
import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { monotonicMs, sleep, spread, type Spread } from "./stats";
import { openSubscribers, type Subscribers } from "./subscribers";
import { ms, ratio, type Row, type Section } from "./table";

const STRAGGLERS_WITHIN_MS = 15_000;
const RUNS = [
  { subscribers: 100, changes: 200, spacingMs: 50 },
  { subscribers: 1_000, changes: 100, spacingMs: 100 },
];
const P95_TARGET_MS = 50;

export interface StreamLatency {
  stream: Spread;
  baseline: Spread;
  /** Deliveries (change × subscriber) that never arrived. */
  missing: number;
  /** The server's CPU time per change, while the changes were committed and delivered. */
  serverCpuMsPerChange: number;
}

/**
 * Commit-to-arrival latency: each change is a committed transaction holding the same `pg_notify`
 * the write path sends, timed from the moment its COMMIT is sent. It arrives at every open stream
 * and, as the baseline, at a bare postgres.js LISTEN client on the same database.
 */
export async function measureStreamLatency(stack: Stack, subscribers: Subscribers, changes: number, spacingMs: number): Promise<StreamLatency> {
  const run = `bench-${Date.now()}-`;
  const committedAt = new Float64Array(changes).fill(Number.NaN);
  const latency = (id: string, at: number) => at - committedAt[Number(id.slice(run.length))]!;
  const baseline: number[] = [];
  const listener = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await listener.listen(LIVE_CHANNEL, (payload) => {
      const at = monotonicMs();
      for (const { id } of JSON.parse(payload) as { id: string }[]) if (id.startsWith(run)) baseline.push(latency(id, at));
    });
    const cpuBefore = await cpuMs(stack.serverPid);
    for (let seq = 0; seq < changes; seq++) {
      await stack.database.db.transaction(async (tx) => {
        await publish(tx, [{ topic: "service", id: `${run}${seq}` }]);
        committedAt[seq] = monotonicMs();
      });
      await sleep(spacingMs);
    }
    const expected = changes * subscribers.count;
    const deadline = Date.now() + STRAGGLERS_WITHIN_MS;
    while ((await subscribers.arrived(run)) < expected && Date.now() < deadline) await sleep(250);
    const serverCpuMsPerChange = ((await cpuMs(stack.serverPid)) - cpuBefore) / changes;
    const stream = (await subscribers.collect(run)).map(({ id, at }) => latency(id, at));
    return { stream: spread(stream), baseline: spread(baseline), missing: expected - stream.length, serverCpuMsPerChange };
  } finally {
    await listener.end({ timeout: 5 });
  }
}

/** Commit-to-browser latency through the event stream at 100 and 1,000 subscribers, beside a bare LISTEN client. */
export const streamSection: Section = async (stack, log) => {
  log("warming up the stream route");
  await (await openSubscribers(stack, 10)).close();
  const rows: Row[] = [];
  for (const { subscribers: count, changes, spacingMs } of RUNS) {
    log(`opening ${count} subscribers`);
    const subscribers = await openSubscribers(stack, count);
    log(`committing ${changes} changes, ${spacingMs} ms apart`);
    rows.push(...latencyRows(count, await measureStreamLatency(stack, subscribers, changes, spacingMs)));
    await subscribers.close();
  }
  return rows;
};

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
