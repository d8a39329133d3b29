import { describe, expect, it } from "vitest";
import { declaredModes, defaultModes, mostCommonMode } from "./ladder";

const ladder = [...defaultModes];

describe("mostCommonMode", () => {
  it("is normal when no live instance chose", () => {
    expect(mostCommonMode([], ladder)).toBe("normal");
    expect(mostCommonMode([null, null], ladder)).toBe("normal");
  });

  it("is the choice most instances made", () => {
    expect(mostCommonMode(["local_queue", "normal", "local_queue"], ladder)).toBe("local_queue");
  });

  it("breaks a tie toward the more degraded mode of the ladder", () => {
    expect(mostCommonMode(["normal", "emergency"], ladder)).toBe("emergency");
    expect(mostCommonMode(["emergency", "normal"], ladder)).toBe("emergency");
  });

  it("prefers a declared mode to an undeclared one in a tie", () => {
    expect(mostCommonMode(["made_up", "reduced_performance"], ladder)).toBe("reduced_performance");
  });
});

describe("declaredModes", () => {
  it("is the default ladder when a service declares none", () => {
    expect(declaredModes(null)).toEqual(ladder);
    expect(declaredModes(["normal", "shed"])).toEqual(["normal", "shed"]);
  });
});
