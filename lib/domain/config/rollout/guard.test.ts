import { describe, expect, it } from "vitest";
import { judge, sideReading } from "./guard";

const guard = { breakerOpenFraction: 0.2, errorRateAbove: 0.1 };
const side = (open: number, breakers: number, failures: number, calls: number, instances = 1) => sideReading({ instances, breakers, open, failures, calls });
const none = side(0, 0, 0, 0, 0);

describe("the rollout guard", () => {
  it("trips on open breakers of the new version beyond the old version's", () => {
    expect(judge(guard, "t", side(2, 4, 0, 0), side(0, 4, 0, 0)).tripped).toEqual(["breakerOpenFraction"]);
  });

  it("trips on the error rate of the new version beyond the old version's", () => {
    expect(judge(guard, "t", side(0, 2, 30, 100), side(0, 2, 5, 100)).tripped).toEqual(["errorRateAbove"]);
  });

  it("does not blame the version for what the whole fleet sees", () => {
    expect(judge(guard, "t", side(4, 4, 90, 100), side(4, 4, 90, 100)).tripped).toEqual([]);
  });

  it("ignores the old version's trouble", () => {
    expect(judge(guard, "t", side(0, 4, 0, 100), side(4, 4, 100, 100)).tripped).toEqual([]);
  });

  it("reads nothing without reports from the new version", () => {
    const readings = judge(guard, "t", none, side(4, 4, 100, 100));
    expect(readings).toMatchObject({ openExcess: null, errorExcess: null, tripped: [] });
  });

  it("compares with zero when no instance is left on the old version", () => {
    expect(judge(guard, "t", side(1, 4, 0, 0), none).tripped).toEqual(["breakerOpenFraction"]);
  });
});
