import { describe, expect, it } from "vitest";
import { backoffDelay, retryAfterDelay, spreadInterval } from "./backoff";

describe("backoffDelay", () => {
  const policy = { baseMs: 1_000, maxMs: 8_000 };

  it("doubles per attempt, spread between half and one and a half times the nominal delay", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_500);
    expect(backoffDelay(2, policy, () => 0)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(4_000);
  });

  it("stops doubling at the cap, however many attempts failed", () => {
    expect(backoffDelay(4, policy, () => 0.5)).toBe(8_000);
    expect(backoffDelay(60, policy, () => 1)).toBe(12_000);
    expect(backoffDelay(60, policy, () => 0)).toBe(4_000);
  });

  it("treats attempt 0 like the first retry", () => {
    expect(backoffDelay(0, policy, () => 0.5)).toBe(1_000);
  });
});

describe("retryAfterDelay", () => {
  it("waits at least what the console asked, and at most half again", () => {
    expect(retryAfterDelay(2_000, () => 0)).toBe(2_000);
    expect(retryAfterDelay(2_000, () => 1)).toBe(3_000);
  });
});

describe("spreadInterval", () => {
  it("stays within ten per cent of the interval", () => {
    expect(spreadInterval(2_000, () => 0)).toBe(1_800);
    expect(spreadInterval(2_000, () => 1)).toBe(2_200);
    expect(spreadInterval(2_000, () => 0.5)).toBe(2_000);
  });
});
