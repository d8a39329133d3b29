import { constants } from "node:os";
import { startDraining } from "@/lib/live/draining";

/** The most a stop takes before the process exits anyway: the delivery worker's wait for its sends, then Next.js's for the requests in flight. */
const STOP_LIMIT_MS = 20_000;
/** How long the requests in flight get once Next.js has stopped listening. */
const REQUESTS_GRACE_MS = 5_000;

/**
 * A graceful stop on SIGTERM (and Ctrl-C): first this process drains (readiness answers 503, event
 * and control streams close with a retry hint, long-polls answer, new ones are refused) and hands
 * back its background work (the delivery worker records or puts back its claims); only then do
 * Next.js's own handlers run, which stop listening, let the requests in flight finish and exit.
 * Next.js registers those handlers before instrumentation runs, so they are taken out here and
 * called after; without this order it would stop listening at once and exit when the last
 * connection ends, in the middle of a delivery.
 */
export function stopGracefullyOnSignal(stopWork: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const framework = process.listeners(signal);
    process.removeAllListeners(signal);
    // A shell sends Ctrl-C to the whole process group, and a parent may forward it again: one stop.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal, framework, stopWork);
    });
  }
}

async function stop(signal: NodeJS.Signals, framework: NodeJS.SignalsListener[], stopWork: () => Promise<void>): Promise<void> {
  // Past the limit the exit says it was not graceful.
  setTimeout(() => process.exit(1), STOP_LIMIT_MS).unref();
  startDraining();
  try {
    await stopWork();
  } catch (error) {
    console.error("Stopping the background work failed:", error);
  }
  const exitCode = 128 + constants.signals[signal];
  if (framework.length === 0) process.exit(exitCode);
  for (const handler of framework) handler(signal);
  // Next.js exits once every connection has ended, but a client that keeps its connection busy (a
  // balancer's health check every few hundred ms) never lets one end; the requests in flight have
  // had their time by then, so the exit is the same graceful one Next.js makes.
  setTimeout(() => process.exit(exitCode), REQUESTS_GRACE_MS).unref();
}
