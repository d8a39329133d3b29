import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("never holds more than its capacity, however many keys arrive", () => {
    const cache = new BoundedCache<string, number>(3);
    for (let i = 0; i < 100; i++) cache.set(`service-${i}`, i);
    expect(cache.size).toBe(3);
    expect(cache.get("service-99")).toBe(99);
    expect(cache.get("service-0")).toBeUndefined();
  });

  it("forgets the least recently used entry first", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("a")).toBe(1);
    expect(cache.get("b")).toBeUndefined();
  });
});
