import postgres from "postgres";
import { LIVE_CHANNEL, publish } from "@/lib/live/events";
import type { LongPollFleet } from "./long-poll-fleet";
import { cpuMs } from "./server-process";
import type { Stack } from "./stack";
import { monotonicMs, sleep, spread, type Spread } from "./stats";

const ARRIVALS_WITHIN_MS = 10_000;
// The server counts as idle below 10 % of a core over half a second; it waits at most 30 s for that.
const QUIET_SHARE = 0.1;
const QUIET_WINDOW_MS = 500;
const QUIET_WITHIN_MS = 30_000;

export interface ActionToCallbackOptions {
  actions: number;
  /** The least pause after each action's callbacks are in; then the server must be idle before the next. */
  spacingMs: number;
  /** Performs action `seq` (e.g. an operator's request) and returns the mark its callbacks carry. */
  act: (seq: number) => Promise<string>;
  log: (line: string) => void;
}

export interface ActionToCallback {
  /** From the moment before each action started to each instance's callback, over all actions. */
  latency: Spread;
  /** The actions' own durations, e.g. the operator's request until its answer. */
  action: Spread;
  /** Per action, how many instances called back within 10 s. */
  received: number[];
  /** A bare LISTEN client on the same database: from a COMMIT holding the write path's pg_notify to the notification. */
  baseline: Spread;
}

/**
 * Times how long an action takes to reach every instance of a long-polling fleet. After each
 * action, one bare NOTIFY is timed at a plain LISTEN client as the baseline, under the same load.
 */
export async function measureActionToCallbacks(stack: Stack, fleet: LongPollFleet, options: ActionToCallbackOptions): Promise<ActionToCallback> {
  const latencies: number[] = [];
  const durations: number[] = [];
  const received: number[] = [];
  const baseline: number[] = [];
  const listener = await bareListener(stack);
  try {
    for (let seq = 0; seq < options.actions; seq++) {
      const started = monotonicMs();
      const mark = await options.act(seq);
      const duration = monotonicMs() - started;
      durations.push(duration);
      const deadline = Date.now() + ARRIVALS_WITHIN_MS;
      while ((await fleet.arrived(mark)) < fleet.count && Date.now() < deadline) await sleep(20);
      const arrivals = await fleet.collect(mark);
      received.push(arrivals.length);
      for (const at of arrivals) latencies.push(at - started);
      const slowest = Math.max(...arrivals) - started;
      options.log(`action ${seq + 1} (${duration.toFixed(0)} ms): ${arrivals.length} of ${fleet.count} instances, the last after ${arrivals.length ? slowest.toFixed(0) : "-"} ms`);
      const bare = await listener.timeOne(seq);
      if (Number.isFinite(bare)) baseline.push(bare);
      await sleep(options.spacingMs);
      await serverIdle(stack);
    }
  } finally {
    await listener.close();
  }
  return { latency: spread(latencies), action: spread(durations), received, baseline: spread(baseline) };
}

/**
 * Waits until the servers are idle: the aftermath of an action (each instance's report carrying
 * the new revision) is over, so the next action does not queue behind it.
 */
async function serverIdle(stack: Stack): Promise<void> {
  const deadline = Date.now() + QUIET_WITHIN_MS;
  let before = await serversCpuMs(stack);
  while (Date.now() < deadline) {
    await sleep(QUIET_WINDOW_MS);
    const now = await serversCpuMs(stack);
    if (now - before < QUIET_WINDOW_MS * QUIET_SHARE) return;
    before = now;
  }
}

/** CPU time of the console's process and the lane's, together: an action's aftermath runs in both. */
export async function serversCpuMs(stack: Stack): Promise<number> {
  return (await cpuMs(stack.serverPid)) + (await cpuMs(stack.lanePid));
}

/** A postgres.js LISTEN client on the console's channel, timing notifications the bench commits itself. */
async function bareListener(stack: Stack) {
  const run = `bench-listen-${Date.now()}-`;
  const arrived = new Map<string, number>();
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  await sql.listen(LIVE_CHANNEL, (payload) => {
    const at = monotonicMs();
    for (const { id } of JSON.parse(payload) as { id: string }[]) if (id.startsWith(run)) arrived.set(id, at);
  });
  return {
    /** ms from sending a COMMIT with one notification to its arrival; NaN when it never arrives. */
    async timeOne(seq: number): Promise<number> {
      const id = `${run}${seq}`;
      let committedAt = Number.NaN;
      await stack.database.db.transaction(async (tx) => {
        await publish(tx, [{ topic: "service", id }]);
        committedAt = monotonicMs();
      });
      const deadline = Date.now() + ARRIVALS_WITHIN_MS;
      while (!arrived.has(id) && Date.now() < deadline) await sleep(1);
      return (arrived.get(id) ?? Number.NaN) - committedAt;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
