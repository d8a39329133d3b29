import { describe, expect, it } from "vitest";
import { formatTick } from "./format";

describe("chart tick labels", () => {
  const at = Date.UTC(2026, 11, 3, 13, 34, 27);

  it("carry seconds over a range of minutes, so a young service's ticks are told apart", () => {
    expect(formatTick(at, 90_000)).toMatch(/34:27/);
    expect(formatTick(at + 20_000, 90_000)).not.toBe(formatTick(at, 90_000));
  });

  it("are times of day to the minute within a day, and dates beyond", () => {
    expect(formatTick(at, 3_600_000)).not.toMatch(/34:27/);
    expect(formatTick(at, 3_600_000)).toMatch(/34/);
    expect(formatTick(at, 7 * 86_400_000)).toMatch(/Dec/);
  });
});
