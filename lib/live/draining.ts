import { setMaxListeners } from "node:events";
import { Overloaded } from "@/lib/domain/errors";
import { processSingleton } from "@/lib/process-singleton";

/** How soon a client whose stream this process closed should come back, to another process by then. */
export const RECONNECT_HINT_MS = 1_000;
const RETRY_AFTER_SECONDS = 1;

// One per process.
function draining(): AbortController {
  return processSingleton("draining", () => {
    const created = new AbortController();
    // Every open stream and long-poll listens for it; a fleet holds far more than ten.
    setMaxListeners(0, created.signal);
    return created;
  });
}

/**
 * Aborted once this process has been told to stop: its streams close with a retry hint, its
 * long-polls answer at once, readiness answers 503, and new streams and long-polls are refused,
 * so clients move to the other processes while this one finishes what it holds.
 */
export function drainSignal(): AbortSignal {
  return draining().signal;
}

export function startDraining(): void {
  draining().abort();
}

export function isDraining(): boolean {
  return draining().signal.aborted;
}

/** A stream or long-poll opened on a stopping process belongs on another: 503 with Retry-After. */
export function refuseWhileDraining(): void {
  if (isDraining()) throw new Overloaded(RETRY_AFTER_SECONDS, "This console process is stopping.");
}

/** The last thing a stream closed for the stop carries: an EventSource waits this long before it reconnects, spread so tabs do not return in one burst. */
export function retryHint(): string {
  return `retry: ${Math.round(RECONNECT_HINT_MS * (0.5 + Math.random()))}\n\n`;
}
