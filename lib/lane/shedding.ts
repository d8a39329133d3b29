import { monitorEventLoopDelay } from "node:perf_hooks";
import { Overloaded } from "@/lib/domain/errors";

export interface SheddingBounds {
  /** Short requests being served at once past which a new one is refused. */
  maxInFlight: number;
  /** Event-loop delay (p99 over the last window, ms) past which new work is refused. */
  maxLoopDelayMs: number;
  retryAfterSeconds: number;
}

const WINDOW_MS = 500;

/**
 * Decides at once whether the lane takes a request: refusing with 503 costs microseconds, while a
 * queued request would hold its caller and everyone behind it. Long-lived requests (streams,
 * long-polls) wait on changes, not on work, so they are not counted.
 */
export function shedder(bounds: SheddingBounds) {
  let inFlight = 0;
  let loopDelayMs = 0;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const sampler = setInterval(() => {
    loopDelayMs = histogram.percentile(99) / 1e6;
    histogram.reset();
  }, WINDOW_MS);
  sampler.unref();
  return {
    /** Throws `Overloaded` when past a bound; otherwise counts the request until `done` is called. */
    admit(): () => void {
      if (inFlight >= bounds.maxInFlight || loopDelayMs > bounds.maxLoopDelayMs) throw new Overloaded(bounds.retryAfterSeconds);
      inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight -= 1;
      };
    },
    stop() {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}
