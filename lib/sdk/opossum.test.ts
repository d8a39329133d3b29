import CircuitBreaker from "opossum";
import { afterEach, describe, expect, it } from "vitest";
import type { BreakerSource } from "./client-api";
import { watchOpossum, type BreakerHost } from "./opossum";
import type { BreakerEventName, ControlOverride, Override } from "./types";

/** A stand-in for the client: records what the adapter sends and lets a test play the console. */
function fakeHost() {
  const sources = new Map<string, BreakerSource>();
  const events: Array<{ breaker: string; event: BreakerEventName }> = [];
  const listeners = new Set<(breaker: string, override: Override, entry: ControlOverride) => void>();
  const overrides = new Map<string, Override>();
  const host: BreakerHost = {
    addBreaker(source) {
      sources.set(source.name, source);
      return () => void sources.delete(source.name);
    },
    onOverride(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    overrideOf: (breaker) => ({ override: overrides.get(breaker) ?? "none", reason: null, expiresAt: null }),
    recordBreakerEvent: (breaker, event) => void events.push({ breaker, event }),
  };
  const force = (breaker: string, override: Override) => {
    overrides.set(breaker, override);
    for (const fn of listeners) fn(breaker, override, { override, reason: "test", expiresAt: null });
  };
  return { host, sources, events, force, snapshot: (name: string) => sources.get(name)!.snapshot() };
}

const breakers: CircuitBreaker[] = [];
afterEach(() => breakers.splice(0).forEach((b) => b.shutdown()));

let healthy = true;
function dependencyBreaker(options: CircuitBreaker.Options = {}) {
  const breaker = new CircuitBreaker(async () => {
    if (!healthy) throw new Error("dependency down");
    return "ok";
  }, { name: "openai", resetTimeout: 100, volumeThreshold: 2, errorThresholdPercentage: 50, timeout: 1_000, ...options });
  breakers.push(breaker);
  return breaker;
}

async function fireQuietly(breaker: CircuitBreaker) {
  try {
    return await breaker.fire();
  } catch (error) {
    return (error as { code?: string }).code ?? "failed";
  }
}


const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchOpossum", () => {
  it("reports a trip at once and counts the failures", async () => {
    healthy = false;
    const { host, events, snapshot } = fakeHost();
    const breaker = dependencyBreaker();
    watchOpossum(host, breaker);
    for (let i = 0; i < 3; i++) await fireQuietly(breaker);
    expect(events).toEqual([{ breaker: "openai", event: "open" }]);
    const state = snapshot("openai");
    expect(state.state).toBe("open");
    expect(state.failures).toBe(2);
    expect(state.rejects).toBe(1);
    expect(state.failureRate).toBe(1);
  });

  it("holds a forced open past the reset timeout, then recovers by itself once cleared", async () => {
    healthy = true;
    const { host, events, force, snapshot } = fakeHost();
    const breaker = dependencyBreaker();
    watchOpossum(host, breaker);
    force("openai", "forced_open");
    expect(await fireQuietly(breaker)).toBe("EOPENBREAKER");
    await pause(350);
    expect(breaker.opened).toBe(true);
    expect(await fireQuietly(breaker)).toBe("EOPENBREAKER");
    expect(snapshot("openai").state).toBe("forced_open");
    expect(events).toEqual([]);

    force("openai", "none");
    expect(snapshot("openai").state).toBe("open");
    await expect.poll(() => breaker.halfOpen, { timeout: 2_000, interval: 10 }).toBe(true);
    expect(await fireQuietly(breaker)).toBe("ok");
    expect(breaker.closed).toBe(true);
    expect(events.map((e) => e.event)).toEqual(["half_open", "close"]);
  });

  it("keeps a forced closed breaker letting failing calls through, still counting them", async () => {
    healthy = false;
    const { host, events, force, snapshot } = fakeHost();
    const breaker = dependencyBreaker();
    watchOpossum(host, breaker);
    force("openai", "forced_closed");
    for (let i = 0; i < 5; i++) expect(await fireQuietly(breaker)).toBe("failed");
    expect(breaker.closed).toBe(true);
    const state = snapshot("openai");
    expect(state.state).toBe("forced_closed");
    expect(state.failures).toBe(5);
    expect(state.rejects).toBe(0);
    expect(events).toEqual([]);

    force("openai", "none");
    await fireQuietly(breaker);
    expect(breaker.opened).toBe(true);
    expect(events.map((e) => e.event)).toEqual(["open"]);
  });

  it("applies an override already in force when it starts watching", async () => {
    healthy = true;
    const { host, force } = fakeHost();
    force("openai", "forced_open");
    const breaker = dependencyBreaker();
    watchOpossum(host, breaker);
    expect(await fireQuietly(breaker)).toBe("EOPENBREAKER");
  });

  it("forces open a breaker the application had disabled, and disables it again on clear", async () => {
    healthy = true;
    const { host, force, snapshot } = fakeHost();
    const breaker = dependencyBreaker();
    breaker.disable();
    watchOpossum(host, breaker);
    expect(snapshot("openai").state).toBe("disabled");
    force("openai", "forced_open");
    expect(await fireQuietly(breaker)).toBe("EOPENBREAKER");
    force("openai", "none");
    expect(breaker.enabled).toBe(false);
    expect(await fireQuietly(breaker)).toBe("ok");
  });

  it("stops reporting and obeying once unwatched or shut down", async () => {
    healthy = true;
    const { host, sources, force } = fakeHost();
    const first = dependencyBreaker();
    const unwatch = watchOpossum(host, first);
    unwatch();
    expect(sources.size).toBe(0);
    force("openai", "forced_open");
    expect(await fireQuietly(first)).toBe("ok");

    const second = dependencyBreaker({ name: "s3" });
    watchOpossum(host, second);
    second.shutdown();
    expect(sources.has("s3")).toBe(false);
  });
});
