import { describe, expect, it } from "vitest";
import { nextBreaker, type PriorBreaker } from "./snapshot";

const now = new Date("2026-11-21T10:00:10Z");
const prior: PriorBreaker = {
  name: "openai",
  state: "closed",
  stateSince: new Date("2026-11-21T09:00:00Z"),
  failures: 10,
  successes: 90,
  rejects: 0,
  reportedAt: new Date("2026-11-21T10:00:00Z"),
};

describe("nextBreaker", () => {
  it("takes rates from the rolling window when the config names it", () => {
    const next = nextBreaker("rag-api", "a", { name: "openai", state: "closed", failures: 2, successes: 18, rejects: 5, config: { rollingCountTimeout: 10_000 } }, prior, now);
    expect(next.row).toMatchObject({ callsPerSecond: 2.5, rejectsPerSecond: 0.5, failureRate: 0.1 });
    expect(next.minute).toEqual({ failures: 2, successes: 18, rejects: 5 });
    expect(next.transition).toBeNull();
  });

  it("takes rates from the difference with the previous report otherwise, a decrease meaning a restart", () => {
    const next = nextBreaker("rag-api", "a", { name: "openai", state: "closed", failures: 20, successes: 170, rejects: 3 }, prior, now);
    expect(next.row).toMatchObject({ callsPerSecond: 9.3, rejectsPerSecond: 0.3 });
    expect(next.row.failureRate).toBeCloseTo(10 / 90);
    const restarted = nextBreaker("rag-api", "a", { name: "openai", state: "closed", failures: 1, successes: 9, rejects: 0 }, prior, now);
    expect(restarted.minute).toEqual({ failures: 1, successes: 9, rejects: 0 });
  });

  it("has no rates on a first report without a window, and no transition", () => {
    const next = nextBreaker("rag-api", "a", { name: "openai", state: "open", failures: 5 }, undefined, now);
    expect(next.row).toMatchObject({ callsPerSecond: null, rejectsPerSecond: null, state: "open" });
    expect(next.transition).toBeNull();
  });

  it("prefers the reported failure rate", () => {
    const next = nextBreaker("rag-api", "a", { name: "openai", state: "closed", failures: 1, successes: 1, failureRate: 0.8, config: { rollingCountTimeoutMs: 1_000 } }, prior, now);
    expect(next.row.failureRate).toBe(0.8);
  });

  it("records a change of state at the instance's `since` when plausible, else now", () => {
    const since = "2026-11-21T10:00:05.000Z";
    expect(nextBreaker("rag-api", "a", { name: "openai", state: "open", since }, prior, now).transition).toEqual({ from: "closed", to: "open", at: new Date(since) });
    const future = nextBreaker("rag-api", "a", { name: "openai", state: "open", since: "2026-11-21T11:00:00Z" }, prior, now);
    expect(future.transition?.at).toEqual(now);
    const beforePrior = nextBreaker("rag-api", "a", { name: "openai", state: "open", since: "2026-11-21T08:00:00Z" }, prior, now);
    expect(beforePrior.transition?.at).toEqual(now);
  });

  it("keeps the time the state began while it holds", () => {
    expect(nextBreaker("rag-api", "a", { name: "openai", state: "closed" }, prior, now).row.stateSince).toEqual(prior.stateSince);
  });
});
