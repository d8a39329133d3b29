import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BreakwaterHttpError } from "./http";
import { CHANGE_SPREAD_MS, createReporter, type Reporter } from "./reporter";

/** The reporter on fake time: when it sends, given changes, a heartbeat of 10 s and a console that may be busy. */
const HEARTBEAT_MS = 10_000;
let reporter: Reporter;
let sentAt: number[];
let answer: () => Promise<void>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  sentAt = [];
  answer = async () => {};
  reporter = createReporter({
    heartbeatMs: HEARTBEAT_MS,
    firstWithinMs: 60_000,
    send: () => {
      sentAt.push(Date.now());
      return answer();
    },
    onError: () => {},
  });
});
afterEach(() => {
  reporter.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("createReporter", () => {
  it("reports only on the heartbeat while nothing changes", async () => {
    await reporter.report();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
  });

  it("reports a change within a second, and a burst of changes once", async () => {
    await reporter.report();
    await vi.advanceTimersByTimeAsync(3_000);
    for (let i = 0; i < 5; i++) reporter.soon();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentAt.length).toBe(2);
    expect(sentAt[1]! - sentAt[0]!).toBeLessThanOrEqual(4_000);
    reporter.soon();
    await vi.advanceTimersByTimeAsync(999);
    expect(sentAt.length).toBe(3);
    expect(sentAt[2]! - sentAt[1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("spreads the report of a change over CHANGE_SPREAD_MS, so a fleet that sees it together does not report it together", async () => {
    await reporter.report();
    await vi.advanceTimersByTimeAsync(3_000);
    vi.spyOn(Math, "random").mockReturnValue(0.9);
    reporter.soon();
    await vi.advanceTimersByTimeAsync(0.9 * CHANGE_SPREAD_MS - 1);
    expect(sentAt.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 3_000 + 0.9 * CHANGE_SPREAD_MS]);
  });

  it("sends a change made while a report is in flight right after it, not at the next heartbeat", async () => {
    let release = () => {};
    answer = () => new Promise<void>((resolve) => (release = resolve));
    const first = reporter.report();
    reporter.soon();
    answer = async () => {};
    release();
    await first;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentAt.length).toBe(2);
  });

  it("waits out a busy console's Retry-After, plus jitter, even for a change", async () => {
    answer = async () => {
      throw new BreakwaterHttpError(503, "/api/v1/report", "overloaded", 4_000);
    };
    await reporter.report().catch(() => {});
    answer = async () => {};
    reporter.soon();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sentAt.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 5_000]);
  });
});
