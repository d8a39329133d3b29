import { describe, expect, it, vi } from "vitest";
import { processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("creates its value once and hands out the same one after", () => {
    const create = vi.fn(() => ({ started: false }));
    const first = processSingleton("test.once", create);
    first.started = true;
    expect(processSingleton("test.once", create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("is shared by a second copy of the module, as another bundle of the process loads it", async () => {
    const value = processSingleton("test.bundles", () => new Map<string, number>());
    vi.resetModules();
    const copy = await import("./process-singleton");
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton("test.bundles", () => new Map<string, number>())).toBe(value);
  });

  it("keeps nothing when creating fails, so the next call tries again", () => {
    expect(() =>
      processSingleton("test.fails", () => {
        throw new Error("database away");
      }),
    ).toThrow("database away");
    expect(processSingleton("test.fails", () => "made")).toBe("made");
  });

  it("keeps apart values under different keys", () => {
    expect(processSingleton("test.a", () => "a")).toBe("a");
    expect(processSingleton("test.b", () => "b")).toBe("b");
  });
});
