import { describe, expect, it } from "vitest";
import { quantile } from "./histogram";

describe("quantile", () => {
  const latency = { explicitBounds: [10, 100, 1000], bucketCounts: [50, 40, 10, 0] };

  it("interpolates inside the bucket that holds the rank", () => {
    expect(quantile(0.5, latency)).toBe(10);
    expect(quantile(0.7, latency)).toBe(55);
    expect(quantile(0.95, latency)).toBe(550);
  });

  it("starts the first bucket at 0, or at the point's min when sent", () => {
    expect(quantile(0.25, latency)).toBe(5);
    expect(quantile(0.25, { ...latency, min: 4 })).toBe(7);
  });

  it("narrows a bucket to the point's max", () => {
    expect(quantile(0.95, { ...latency, max: 500 })).toBe(300);
  });

  it("answers the lower bound of the unbounded bucket unless the max bounds it", () => {
    const tail = { explicitBounds: [10], bucketCounts: [0, 4] };
    expect(quantile(0.5, tail)).toBe(10);
    expect(quantile(0.5, { ...tail, max: 30 })).toBe(20);
  });

  it("has no quantile for an empty or inconsistent histogram", () => {
    expect(quantile(0.5, { explicitBounds: [1], bucketCounts: [0, 0] })).toBeNull();
    expect(quantile(0.5, { explicitBounds: [1, 2], bucketCounts: [3] })).toBeNull();
  });
});
