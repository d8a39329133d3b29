import { describe, expect, it } from "vitest";
import { holds, nextState, type RuleState } from "./rule-state";

const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 0, 0, s));
const idle: RuleState = { pendingSince: null, firingSince: null };

describe("nextState", () => {
  it("waits for the condition to hold `for` seconds before firing", () => {
    const first = nextState(idle, true, at(0), 30);
    expect(first).toEqual({ state: { pendingSince: at(0), firingSince: null }, change: null });
    expect(nextState(first.state, true, at(29), 30).change).toBeNull();
    expect(nextState(first.state, true, at(30), 30)).toEqual({ state: { pendingSince: at(0), firingSince: at(30) }, change: "fire" });
  });

  it("fires at once without a `for`", () => {
    expect(nextState(idle, true, at(0), 0).change).toBe("fire");
  });

  it("starts the wait over when the condition lapses while pending", () => {
    const pending = nextState(idle, true, at(0), 30).state;
    const lapsed = nextState(pending, false, at(10), 30);
    expect(lapsed).toEqual({ state: idle, change: null });
    expect(nextState(nextState(lapsed.state, true, at(20), 30).state, true, at(40), 30).change).toBeNull();
  });

  it("stays firing without firing again, and resolves when the condition stops holding", () => {
    const firing = nextState(idle, true, at(0), 0).state;
    expect(nextState(firing, true, at(15), 0)).toEqual({ state: firing, change: null });
    expect(nextState(firing, false, at(30), 0)).toEqual({ state: idle, change: "resolve" });
  });
});

describe("holds", () => {
  it("compares with the threshold, and never holds without a value", () => {
    expect(holds(5, ">", 4)).toBe(true);
    expect(holds(4, ">", 4)).toBe(false);
    expect(holds(4, ">=", 4)).toBe(true);
    expect(holds(3, "<", 4)).toBe(true);
    expect(holds(4, "<=", 4)).toBe(true);
    expect(holds(null, "<", 4)).toBe(false);
  });
});
