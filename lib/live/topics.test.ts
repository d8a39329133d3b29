import { describe, expect, it } from "vitest";
import { ANY_ID, concerns } from "./topics";

describe("concerns", () => {
  it("takes every resource of a topic for a view of the whole topic", () => {
    expect(concerns("alert", "alert", "42")).toBe(true);
    expect(concerns("alert", "breaker", "rag-api")).toBe(false);
  });

  it("takes only its own resource for a view of one", () => {
    const drawer = { topic: "alert", id: "42" } as const;
    expect(concerns(drawer, "alert", "42")).toBe(true);
    expect(concerns(drawer, "alert", "43")).toBe(false);
    expect(concerns(drawer, "incident", "42")).toBe(false);
  });

  it("takes an event for any resource, sent after missed notifications, for a view of one", () => {
    expect(concerns({ topic: "config", id: "rag-api/production" }, "config", ANY_ID)).toBe(true);
    expect(concerns({ topic: "config", id: "rag-api/production" }, "mode", ANY_ID)).toBe(false);
  });
});
