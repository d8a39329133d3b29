import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-backoff";

describe("retry backoff", () => {
  it("doubles with each failure, between half and all of the ceiling", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("stops growing at ten minutes", () => {
    expect(retryDelayMs(30, 1)).toBe(600_000);
    expect(retryDelayMs(30, 0)).toBe(300_000);
  });
});
