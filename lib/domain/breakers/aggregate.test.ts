import { describe, expect, it } from "vitest";
import { byTrouble, toCard } from "./aggregate";
import type { CardRow } from "./card-rows";
import type { BreakerCard } from "./types";

const row: CardRow = {
  service: "rag-api",
  breaker: "openai",
  counts: { closed: 3, open: 1, half_open: 0, forced_open: 0, forced_closed: 0, disabled: 0 },
  live: 4,
  stale: 1,
  worst: "open",
  failureRate: 0.25,
  callsPerSecond: 12,
  rejectsPerSecond: 2,
  p50: 10,
  p95: 90,
  p99: 400,
  lastChange: new Date("2026-11-21T10:00:00Z"),
};

describe("toCard", () => {
  it("lists only the states some live instance is in", () => {
    const card = toCard(row, null, []);
    expect(card).toMatchObject({ state: "open", stateCounts: { closed: 3, open: 1 }, liveInstances: 4, staleInstances: 1, latencyMs: { p50: 10, p95: 90, p99: 400 } });
    expect(Object.keys(card.stateCounts)).toEqual(["closed", "open"]);
    expect(card.lastTransitionAt).toBe("2026-11-21T10:00:00.000Z");
  });

  it("shows an override as the card's state and its setting as the last change", () => {
    const override = { override: "forced_closed" as const, reason: "r", setBy: "x", setAt: "2026-11-21T11:00:00.000Z", expiresAt: null };
    const card = toCard(row, override, []);
    expect(card.state).toBe("forced_closed");
    expect(card.lastTransitionAt).toBe(override.setAt);
  });
});

describe("byTrouble", () => {
  const card = (breaker: string, stateCounts: BreakerCard["stateCounts"], failureRate = 0, forced = false) =>
    ({ service: "s", breaker, stateCounts, failureRate, override: forced ? {} : null }) as BreakerCard;

  it("puts open first, then half-open, then forced, then by failure rate", () => {
    const cards = [card("calm", { closed: 3 }, 0.01), card("forced", { closed: 1 }, 0, true), card("failing", { closed: 2 }, 0.4), card("half", { half_open: 1 }), card("open", { open: 1, closed: 3 })];
    expect(cards.sort(byTrouble).map((c) => c.breaker)).toEqual(["open", "half", "forced", "failing", "calm"]);
  });
});
