import { db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { drainSignal } from "@/lib/live/draining";
import { ANY_ID, subscribe } from "@/lib/live/listener";
import { processSingleton } from "@/lib/process-singleton";
import { controlRevision } from "./document";

interface Waiter {
  revision: number;
  done: (revision: number | null) => void;
}

interface Watch {
  waiters: Map<string, Set<Waiter>>;
  reading: Set<string>;
  readAgain: Set<string>;
}

/**
 * Resolves with the new revision as soon as the service's committed control revision differs from
 * `revision`, with null after `ms` or when `signal` aborts. Woken by this process's LISTEN
 * connection, so a committed flip reaches every waiting instance at once; however many wait on one
 * service, a notification costs one read of its revision. A stopping process ends every wait at
 * once (and any asked of it later), so the instance asks again, of another process.
 */
export async function waitForControlChange(service: string, revision: number, ms: number, request: AbortSignal): Promise<number | null> {
  const { waiters } = watch();
  const signal = AbortSignal.any([request, drainSignal()]);
  return new Promise<number | null>((resolve) => {
    const waiter: Waiter = { revision, done: finish };
    const timer = setTimeout(() => finish(null), ms);
    const own = waiters.get(service) ?? new Set<Waiter>();
    waiters.set(service, own);
    own.add(waiter);
    if (signal.aborted) return finish(null);
    signal.addEventListener("abort", () => finish(null), { once: true });
    // The caller read the revision before this waiter existed; a change committed in between would
    // have notified no one, so look once more now that it listens.
    void check(service);

    function finish(changedTo: number | null) {
      clearTimeout(timer);
      own.delete(waiter);
      if (own.size === 0 && waiters.get(service) === own) waiters.delete(service);
      resolve(changedTo);
    }
  });
}

// One watch per process.
function watch(): Watch {
  return processSingleton("controlWatch", () => {
    const created: Watch = { waiters: new Map(), reading: new Set(), readAgain: new Set() };
    subscribe((events) => {
      for (const service of concerned(events, created.waiters)) void check(service);
    });
    return created;
  });
}

/** The waited-on services an event may concern: control events carry the service name, possibly with a suffix such as `/production`. */
function concerned(events: LiveEvent[], waiters: Map<string, Set<Waiter>>): Set<string> {
  const out = new Set<string>();
  for (const { id } of events) {
    if (id === ANY_ID) return new Set(waiters.keys());
    const service = id.split("/")[0] ?? id;
    if (waiters.has(service)) out.add(service);
  }
  return out;
}

async function check(service: string): Promise<void> {
  const { waiters, reading, readAgain } = watch();
  if (reading.has(service)) {
    readAgain.add(service);
    return;
  }
  reading.add(service);
  try {
    do {
      readAgain.delete(service);
      const current = await controlRevision(db(), service);
      for (const waiter of waiters.get(service) ?? []) if (waiter.revision !== current) waiter.done(current);
    } while (readAgain.has(service));
  } catch (error) {
    console.error(`Reading the control revision of ${service} failed:`, error);
  } finally {
    reading.delete(service);
  }
}
