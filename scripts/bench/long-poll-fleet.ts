import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { instances as instancesTable, services } from "@/drizzle/schema";
import { defaultModes } from "@/lib/sdk";
import { ask } from "./ipc";
import type { Command, Reply, Watch } from "./long-poll-process";
import type { Stack } from "./stack";

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "long-poll-process.ts");

export interface LongPollFleetOptions {
  service: string;
  instances: number;
  /** Processes the instances are spread over, so they do not share one event loop and connection pool. */
  processes: number;
  /** Which SDK callback each instance records. */
  watch: Watch;
  /** Instances started per second over the whole fleet. */
  startPerSecond: number;
  /** How often each instance reports when nothing changed (the SDK's own default is 10 s). */
  heartbeatMs: number;
  /** Where the instances report and follow their control: the service lane, as the SDK's users should. */
  url: string;
  control: "stream" | "long-poll";
}

/** Instances of one service running the real SDK, each following its control document. */
export interface LongPollFleet {
  count: number;
  /** How many callbacks carrying `mark` have arrived, over all instances. */
  arrived(mark: string): Promise<number>;
  /** The arrival time of each callback carrying `mark`, on the shared monotonic clock; forgets them after. */
  collect(mark: string): Promise<number[]>;
  /** The SDK's errors so far, by where they happened (report, control, ...), summed over the instances. */
  errors(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Starts the fleet and resolves once every instance has its first control document. */
export async function openLongPollFleet(stack: Stack, options: LongPollFleetOptions): Promise<LongPollFleet> {
  const { instances, processes } = options;
  const names = Array.from({ length: instances }, (_, i) => `${options.service}-${i}`);
  await registerRunningFleet(stack, options.service, names);
  const children = Array.from({ length: processes }, () => fork(entry, { execArgv: ["--import", "tsx"], stdio: "inherit" }));
  const all = <R>(command: Command, read: (reply: Reply) => R | undefined) => Promise.all(children.map((c) => ask<Command, Reply, R>(c, command, read)));
  const namesOf = (i: number) => names.filter((_, j) => j % processes === i);
  const startEveryMs = (processes * 1000) / options.startPerSecond;
  try {
    await Promise.all(
      children.map((c, i) =>
        ask<Command, Reply, number>(
          c,
          {
            open: {
              url: options.url,
              token: stack.serviceToken,
              service: options.service,
              instances: namesOf(i),
              watch: options.watch,
              startEveryMs,
              heartbeatMs: options.heartbeatMs,
              control: options.control,
            },
          },
          (r) => ("opened" in r ? r.opened : undefined),
        ),
      ),
    );
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  return {
    count: instances,
    async arrived(mark) {
      const counts = await all({ count: mark }, (r) => ("counted" in r ? r.counted : undefined));
      return counts.reduce((a, b) => a + b, 0);
    },
    async collect(mark) {
      return (await all({ collect: mark }, (r) => ("collected" in r ? r.collected : undefined))).flat();
    },
    async errors() {
      const sum: Record<string, number> = {};
      for (const part of await all({ errors: true }, (r) => ("errorCounts" in r ? r.errorCounts : undefined))) {
        for (const [during, count] of Object.entries(part)) sum[during] = (sum[during] ?? 0) + count;
      }
      return sum;
    },
    async close() {
      await all({ close: true }, (r) => ("closed" in r ? true : undefined));
    },
  };
}

/**
 * Registers the service and its instances as a fleet that has been running. Otherwise every first
 * report is a join, audited and queued on the service's row: hundreds at once are a load on the
 * report path, measured elsewhere, and not what a fleet long-polling its control document meets.
 */
async function registerRunningFleet(stack: Stack, service: string, names: string[]): Promise<void> {
  await stack.database.db.insert(services).values({ name: service, modes: [...defaultModes] }).onConflictDoNothing();
  await stack.database.db
    .insert(instancesTable)
    .values(names.map((instance) => ({ service, instance, mode: defaultModes[0], automaticMode: defaultModes[0] })))
    .onConflictDoNothing();
}
