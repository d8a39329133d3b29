import { describe, expect, it } from "vitest";
import { bucketOf, stepCovers } from "./bucket";

describe("rollout buckets", () => {
  it("gives a name the same bucket every time, within 0–99", () => {
    for (const name of ["api-1", "api-2", "rag-api-7f9c", ""]) {
      expect(bucketOf(name)).toBe(bucketOf(name));
      expect(bucketOf(name)).toBeGreaterThanOrEqual(0);
      expect(bucketOf(name)).toBeLessThan(100);
    }
  });

  it("is the documented hash: SHA-256, first four bytes big-endian, modulo 100", () => {
    // `printf api-1 | sha256sum` starts f9811b73, and 0xf9811b73 % 100 is 55.
    expect(bucketOf("api-1")).toBe(55);
  });

  it("covers a growing set as the step grows, and everyone at 100", () => {
    const names = Array.from({ length: 200 }, (_, i) => `instance-${i}`);
    const at = (percent: number) => new Set(names.filter((n) => stepCovers(percent, n)));
    const [ten, fifty, all] = [at(10), at(50), at(100)];
    for (const n of ten) expect(fifty.has(n)).toBe(true);
    expect(all.size).toBe(names.length);
    expect(ten.size).toBeGreaterThan(5);
    expect(ten.size).toBeLessThan(45);
    expect(fifty.size).toBeGreaterThan(70);
    expect(fifty.size).toBeLessThan(130);
  });
});
