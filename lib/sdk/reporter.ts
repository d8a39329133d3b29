import { backoffDelay, spreadInterval } from "./backoff";

export interface Reporter {
  /** Sends now; resolves once delivered, rejects if it could not be. */
  report(): Promise<void>;
  /** Sends in a moment, ahead of the interval: something the console shows has changed. */
  soon(): void;
  close(): void;
}

/**
 * Sends on an interval, spread a little, and backs off while sending fails. At most one send is
 * in flight; calls meanwhile share one follow-up, so nothing piles up while the console is away
 * and the next send carries the latest state.
 */
export function createReporter(options: { intervalMs: number; send: () => Promise<void>; onError: (error: unknown) => void }): Reporter {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let closed = false;
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    timer = closed ? null : setTimeout(() => void report().catch(() => {}), delayMs);
  };

  const attempt = async () => {
    try {
      await options.send();
      failures = 0;
      schedule(spreadInterval(options.intervalMs));
    } catch (error) {
      if (closed) throw error;
      failures += 1;
      options.onError(error);
      schedule(Math.max(options.intervalMs, backoffDelay(failures)));
      throw error;
    }
  };

  function report(): Promise<void> {
    if (closed) return Promise.reject(new Error("The Breakwater client is closed."));
    if (!inFlight) {
      inFlight = attempt().finally(() => (inFlight = null));
      return inFlight;
    }
    queued ??= inFlight
      .catch(() => {})
      .then(() => {
        queued = null;
        return report();
      });
    return queued;
  }

  return {
    report,
    soon: () => schedule(10),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
