import { monitorEventLoopDelay } from "node:perf_hooks";
import { Overloaded } from "@/lib/domain/errors";

export interface SheddingBounds {
  /** Short requests being served at once past which a new one is refused. */
  maxInFlight: number;
  /** Event-loop delay (p99 over the last window, ms) past which new work is refused. */
  maxLoopDelayMs: number;
  retryAfterSeconds: number;
}

/**
 * Requests of one route counted apart from the short requests' `maxInFlight`. A report waits in
 * its batch queue for the next commit, holding a parsed body and a promise, nothing else; the
 * queue refuses past its own bound at once. So the reports in flight are bounded by what the
 * queue holds, not by the short requests' bound, which would refuse a fleet's burst of them first.
 */
export interface InFlightBudget {
  name: string;
  max: number;
}

const WINDOW_MS = 500;

/**
 * Decides at once whether the lane takes a request: refusing with 503 costs microseconds, while a
 * queued request would hold its caller and everyone behind it. Long-lived requests (streams,
 * long-polls) wait on changes, not on work, so they are not counted.
 */
export function shedder(bounds: SheddingBounds) {
  const short: InFlightBudget = { name: "short", max: bounds.maxInFlight };
  const inFlight = new Map<string, number>();
  let loopDelayMs = 0;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const sampler = setInterval(() => {
    loopDelayMs = histogram.percentile(99) / 1e6;
    histogram.reset();
  }, WINDOW_MS);
  sampler.unref();
  return {
    /** Throws `Overloaded` when past a bound; otherwise counts the request in its budget until `done` is called. */
    admit(budget: InFlightBudget = short): () => void {
      const count = inFlight.get(budget.name) ?? 0;
      if (count >= budget.max || loopDelayMs > bounds.maxLoopDelayMs) throw new Overloaded(bounds.retryAfterSeconds);
      inFlight.set(budget.name, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight.set(budget.name, inFlight.get(budget.name)! - 1);
      };
    },
    stop() {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}
