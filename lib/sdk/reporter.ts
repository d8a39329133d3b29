import { backoffDelay, retryAfterDelay, spreadInterval } from "./backoff";
import { BreakwaterHttpError } from "./http";

/** Changes reported "soon" are sent at most this often, so a flapping breaker costs one report a second, not one per flap. */
const MIN_GAP_MS = 1_000;
/**
 * A change is reported at a random point this long after it. A fleet sees the same change at the
 * same moment (a flip reaches 500 instances in one write each); sent at once, their reports would
 * land on the console together, past what it takes in flight, and be turned away.
 */
export const CHANGE_SPREAD_MS = 500;

export interface Reporter {
  /** Sends now; resolves once delivered, rejects if it could not be. */
  report(): Promise<void>;
  /** Something the console shows has changed: sends within a second (spread over `CHANGE_SPREAD_MS`), ahead of the heartbeat. */
  soon(): void;
  close(): void;
}

/**
 * Sends on a heartbeat, spread a little, and sooner when told something changed; backs off while
 * sending fails, and waits out a busy console's `Retry-After`. At most one send is in flight;
 * calls meanwhile share one follow-up, so nothing piles up while the console is away and the next
 * send carries the latest state.
 */
export function createReporter(options: {
  heartbeatMs: number;
  /** The first report goes out this long after the start, or sooner when `soon` is called. */
  firstWithinMs: number;
  send: () => Promise<void>;
  onError: (error: unknown) => void;
}): Reporter {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let failures = 0;
  let backingOff = false;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let changedSinceSent = false;
  let closed = false;
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    dueAt = Date.now() + delayMs;
    timer = closed ? null : setTimeout(() => void report().catch(() => {}), delayMs);
  };

  const gapLeft = () => Math.max(10, lastSentAt + MIN_GAP_MS - Date.now());

  const attempt = async () => {
    lastSentAt = Date.now();
    changedSinceSent = false;
    try {
      await options.send();
      failures = 0;
      backingOff = false;
      schedule(changedSinceSent ? gapLeft() : spreadInterval(options.heartbeatMs));
    } catch (error) {
      if (closed) throw error;
      failures += 1;
      backingOff = true;
      options.onError(error);
      const retryAfterMs = error instanceof BreakwaterHttpError ? error.retryAfterMs : null;
      schedule(retryAfterMs === null ? Math.max(options.heartbeatMs, backoffDelay(failures)) : retryAfterDelay(retryAfterMs));
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

  schedule(options.firstWithinMs);

  return {
    report,
    soon() {
      changedSinceSent = true;
      // A send in flight schedules the next when it ends; a console that is away or busy hears of
      // the change with the retry.
      if (closed || backingOff || inFlight) return;
      const delay = Math.max(gapLeft(), Math.round(Math.random() * CHANGE_SPREAD_MS));
      if (Date.now() + delay < dueAt) schedule(delay);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
