import { describe, expect, it } from "vitest";
import type { Matcher } from "../routing/matchers";
import { matchesEveryAlert } from "./matches-everything";

const m = (label: string, op: Matcher["op"], value: string): Matcher => ({ label, op, value });

describe("a silence matching every alert", () => {
  it.each([
    ["no matchers", []],
    ["a regex matching anything", [m("service", "=~", ".*")]],
    ["a matcher on a label being empty", [m("team", "=", "")]],
    ["an inequality, which a missing label satisfies", [m("alertname", "!=", "Watchdog")]],
    ["a negative regex", [m("service", "!~", "web")]],
    ["any alertname", [m("alertname", "=~", ".+")]],
    ["several that each match everything", [m("service", "=~", ".*"), m("alertname", "=~", ".+")]],
  ])("is refused: %s", (_, list) => {
    expect(matchesEveryAlert(list)).toBe(true);
  });

  it.each([
    ["an equality", [m("alertname", "=", "HighErrorRate")]],
    ["a regex requiring a value", [m("service", "=~", ".+")]],
    ["one narrowing matcher among broad ones", [m("service", "=~", ".*"), m("env", "=", "staging")]],
    ["an alertname prefix", [m("alertname", "=~", "High.*")]],
  ])("is allowed: %s", (_, list) => {
    expect(matchesEveryAlert(list)).toBe(false);
  });
});
