import postgres from "postgres";
import { LIVE_CHANNEL, publish } from "@/lib/live/events";
import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { monotonicMs, sleep, spread, type Spread } from "./stats";
import type { Subscribers } from "./subscribers";

const STRAGGLERS_WITHIN_MS = 15_000;

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
