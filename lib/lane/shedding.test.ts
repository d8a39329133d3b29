import { describe, expect, it } from "vitest";
import { Overloaded } from "@/lib/domain/errors";
import { shedder } from "./shedding";

describe("shedder", () => {
  it("admits up to the in-flight bound, refuses past it with Overloaded, and admits again once one is done", () => {
    const shed = shedder({ maxInFlight: 2, maxLoopDelayMs: 10_000, retryAfterSeconds: 3 });
    const first = shed.admit();
    shed.admit();
    expect(() => shed.admit()).toThrow(Overloaded);
    try {
      shed.admit();
    } catch (error) {
      expect((error as Overloaded).retryAfterSeconds).toBe(3);
    }
    first();
    first();
    expect(() => shed.admit()).not.toThrow();
    expect(() => shed.admit()).toThrow(Overloaded);
    shed.stop();
  });

  it("counts a route with a budget of its own apart: its requests neither take the short requests' places nor are refused by their bound", () => {
    const shed = shedder({ maxInFlight: 1, maxLoopDelayMs: 10_000, retryAfterSeconds: 2 });
    const reports = { name: "report", max: 3 };
    shed.admit();
    expect(() => shed.admit()).toThrow(Overloaded);
    const done = [shed.admit(reports), shed.admit(reports), shed.admit(reports)];
    expect(() => shed.admit(reports)).toThrow(Overloaded);
    done[0]!();
    expect(() => shed.admit(reports)).not.toThrow();
    expect(() => shed.admit()).toThrow(Overloaded);
    shed.stop();
  });
});
