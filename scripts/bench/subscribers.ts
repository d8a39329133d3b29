import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ask } from "./ipc";
import type { Command, Reply } from "./subscriber-process";
import type { Stack } from "./stack";
import { sleep } from "./stats";

const PROCESSES = 2;
const SETTLE_WITHIN_MS = 60_000;
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "subscriber-process.ts");

/** Open event streams, as browser tabs hold them, spread over a few processes of their own. */
export interface Subscribers {
  count: number;
  /** How many events with ids starting with `prefix` have arrived, over all streams. */
  arrived(prefix: string): Promise<number>;
  /** Each arrival of an event whose id starts with `prefix`, on the shared monotonic clock; forgets them after. */
  collect(prefix: string): Promise<{ id: string; at: number }[]>;
  close(): Promise<void>;
}

export async function openSubscribers(stack: Stack, count: number): Promise<Subscribers> {
  const children = Array.from({ length: PROCESSES }, () => fork(entry, { execArgv: ["--import", "tsx"], stdio: "inherit" }));
  const all = <R>(command: Command, read: (reply: Reply) => R | undefined) => Promise.all(children.map((c) => ask<Command, Reply, R>(c, command, read)));
  const share = (i: number) => Math.floor(count / PROCESSES) + (i < count % PROCESSES ? 1 : 0);
  const url = `${stack.origin}/api/v1/stream`;
  const close = async () => {
    await all({ close: true }, (r) => ("closed" in r ? true : undefined));
    await waitForStreamClients(stack, 0);
  };
  try {
    await Promise.all(
      children.map((c, i) => ask<Command, Reply, number>(c, { open: { url, cookie: stack.cookie, count: share(i) } }, (r) => ("opened" in r ? r.opened : undefined))),
    );
    await waitForStreamClients(stack, count);
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  return {
    count,
    close,
    async arrived(prefix) {
      const counts = await all({ count: prefix }, (r) => ("counted" in r ? r.counted : undefined));
      return counts.reduce((a, b) => a + b, 0);
    },
    async collect(prefix) {
      const parts = await all({ collect: prefix }, (r) => ("collected" in r ? r.collected : undefined));
      return parts.flatMap(({ ids, at }) => ids.map((id, i) => ({ id, at: at[i]! })));
    },
  };
}

/** Waits until the server itself counts `count` open streams, read from its own metrics. */
export async function waitForStreamClients(stack: Stack, count: number): Promise<void> {
  const deadline = Date.now() + SETTLE_WITHIN_MS;
  let seen = -1;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${stack.origin}/api/metrics`)).text();
    seen = Number(/^breakwater_stream_clients (\d+)/m.exec(text)?.[1] ?? -1);
    if (seen === count) return;
    await sleep(200);
  }
  throw new Error(`the server counts ${seen} stream clients, expected ${count}`);
}
