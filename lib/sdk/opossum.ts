import type CircuitBreaker from "opossum";
import type { BreakwaterClient } from "./client-api";
import { breakerState, snapshotOf, type OpossumConfig } from "./opossum-snapshot";
import type { BreakerState, Override } from "./types";

/** What the adapter needs of a client, so another host (a test, a proxy) can stand in. */
export type BreakerHost = Pick<BreakwaterClient, "addBreaker" | "onOverride" | "overrideOf" | "recordBreakerEvent">;

/**
 * Reports an opossum breaker through the client and makes it obey the console's overrides.
 * Counters come from opossum's rolling window, read when the report is built (its `snapshot`
 * event would lag by up to a bucket); only state changes travel as events, at once.
 *
 * How overrides hold, given opossum 9's circuit.js:
 * - forced_open: `open()` arms the reset timer, whose expiry emits `halfOpen` synchronously before
 *   any call can slip through; re-opening in that listener keeps the breaker open for good. A
 *   breaker the application had disabled is enabled meanwhile, since a disabled one lets every
 *   call through regardless of its state.
 * - forced_closed: `disable()` would let calls through but also skip the timeout, the fallback
 *   and every statistic, leaving the console blind exactly when someone overrode the breaker's
 *   judgement. Instead the breaker stays enabled and is closed again the moment it trips (the
 *   `open` listener runs after opossum's own, which armed the reset timer that `close()` clears),
 *   so calls keep going through and their failures keep being counted.
 * - none: the breaker returns to its own logic from wherever it is; after a forced open that is
 *   open with a reset timer running, so it probes half-open and closes on the first success.
 */
export function watchOpossum(client: BreakerHost, breaker: CircuitBreaker, options: { name?: string } = {}): () => void {
  const name = options.name ?? breaker.name;
  // opossum keeps its options, defaults filled in, on the instance; @types/opossum does not declare them.
  const config = (breaker as unknown as { options: OpossumConfig }).options;
  let override: Override = "none";
  let disabledByApplication = false;
  let state: BreakerState = breakerState(breaker, override);
  let since = new Date();

  const track = () => {
    const next = breakerState(breaker, override);
    if (next === state) return;
    state = next;
    since = new Date();
  };

  const onOpen = () => {
    if (override === "forced_closed") return breaker.close();
    if (override !== "none") return;
    track();
    client.recordBreakerEvent(name, "open");
  };
  const onHalfOpen = () => {
    if (override === "forced_open") return breaker.open();
    if (override !== "none") return;
    track();
    client.recordBreakerEvent(name, "half_open");
  };
  const onClose = () => {
    if (override === "forced_open") return breaker.open();
    if (override !== "none") return;
    track();
    client.recordBreakerEvent(name, "close");
  };

  const apply = (next: Override) => {
    if (next === override) return;
    const previous = override;
    override = next;
    if (previous === "forced_open" && disabledByApplication) {
      disabledByApplication = false;
      breaker.disable();
    }
    if (next === "forced_open") {
      if (!breaker.enabled) {
        disabledByApplication = true;
        breaker.enable();
      }
      breaker.open();
    } else if (next === "forced_closed") {
      breaker.close();
    }
    track();
  };

  // Registered first: a second breaker of the same name throws before any listener is attached.
  const unregister = client.addBreaker({
    name,
    snapshot() {
      track();
      return snapshotOf(name, state, breaker.stats, since, config, breaker.volumeThreshold);
    },
  });
  breaker.on("open", onOpen);
  breaker.on("halfOpen", onHalfOpen);
  breaker.on("close", onClose);
  breaker.on("shutdown", unwatch);
  const stopOverrides = client.onOverride((breakerName, next) => {
    if (breakerName === name) apply(next);
  });
  apply(client.overrideOf(name).override);

  let watching = true;
  function unwatch() {
    if (!watching) return;
    watching = false;
    stopOverrides();
    unregister();
    breaker.off("open", onOpen);
    breaker.off("halfOpen", onHalfOpen);
    breaker.off("close", onClose);
    breaker.off("shutdown", unwatch);
    if (!breaker.isShutdown) apply("none");
  }
  return unwatch;
}
