import { describe, expect, it } from "vitest";
import { breakerState, snapshotOf } from "./opossum-snapshot";

describe("breakerState", () => {
  const closed = { enabled: true, opened: false, halfOpen: false };

  it("maps opossum's flags to the console's states", () => {
    expect(breakerState(closed, "none")).toBe("closed");
    expect(breakerState({ ...closed, opened: true }, "none")).toBe("open");
    expect(breakerState({ ...closed, halfOpen: true }, "none")).toBe("half_open");
    expect(breakerState({ ...closed, enabled: false, opened: true }, "none")).toBe("disabled");
  });

  it("shows an override rather than the state that holds it", () => {
    expect(breakerState({ ...closed, halfOpen: true }, "forced_open")).toBe("forced_open");
    expect(breakerState({ ...closed, opened: true }, "forced_closed")).toBe("forced_closed");
    expect(breakerState({ ...closed, enabled: false }, "forced_open")).toBe("forced_open");
  });
});

describe("snapshotOf", () => {
  const since = new Date("2026-11-21T10:00:00Z");
  const config = { timeout: 3_000, resetTimeout: 500, errorThresholdPercentage: 50, rollingCountTimeout: 10_000 };
  const stats = {
    failures: 3,
    successes: 9,
    rejects: 20,
    timeouts: 1,
    fallbacks: 4,
    percentiles: { 0: 1, 0.5: 40, 0.95: 300, 0.99: 900, 1: 1200 },
  };

  it("reports counts, a failure rate over the calls that ran, latency and config", () => {
    expect(snapshotOf("openai", "closed", stats, since, config, 5)).toEqual({
      name: "openai",
      state: "closed",
      failures: 3,
      successes: 9,
      rejects: 20,
      timeouts: 1,
      fallbacks: 4,
      failureRate: 0.25,
      latencyMs: { p50: 40, p95: 300, p99: 900 },
      since: "2026-11-21T10:00:00.000Z",
      config: { errorThresholdPercentage: 50, resetTimeoutMs: 500, rollingCountTimeoutMs: 10_000, timeoutMs: 3_000, volumeThreshold: 5 },
    });
  });

  it("has a zero rate and no latency without calls that ran", () => {
    const rejecting = { ...stats, failures: 0, successes: 0, percentiles: { 0.5: 0, 0.95: 0, 0.99: 0 } };
    const snapshot = snapshotOf("s3", "forced_open", rejecting, since, { ...config, timeout: false }, 0);
    expect(snapshot.failureRate).toBe(0);
    expect(snapshot.latencyMs).toBeUndefined();
    expect(snapshot.config?.timeoutMs).toBeNull();
  });

  it("leaves latency out when opossum's percentiles are disabled", () => {
    const untimed = { ...stats, percentiles: { 0.5: -1, 0.95: -1, 0.99: -1 } };
    expect(snapshotOf("s3", "closed", untimed, since, config, 0).latencyMs).toBeUndefined();
  });
});
