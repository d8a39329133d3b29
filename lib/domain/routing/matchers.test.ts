import { describe, expect, it } from "vitest";
import { matcher, matches, matchesAll, type Matcher } from "./matchers";

const m = (label: string, op: Matcher["op"], value: string): Matcher => ({ label, op, value });

describe("label matchers", () => {
  const labels = { alertname: "HighErrorRate", service: "rag-api", env: "prod" };

  it("compare equality and inequality exactly", () => {
    expect(matches(m("service", "=", "rag-api"), labels)).toBe(true);
    expect(matches(m("service", "=", "Rag-api"), labels)).toBe(false);
    expect(matches(m("service", "!=", "rag-api"), labels)).toBe(false);
    expect(matches(m("service", "!=", "web"), labels)).toBe(true);
  });

  it("anchor regular expressions at both ends, as Alertmanager does", () => {
    expect(matches(m("service", "=~", "rag"), labels)).toBe(false);
    expect(matches(m("service", "=~", "rag.*"), labels)).toBe(true);
    expect(matches(m("service", "=~", "api|rag-api"), labels)).toBe(true);
    expect(matches(m("service", "=~", "x|rag"), labels)).toBe(false);
    expect(matches(m("service", "!~", "rag"), labels)).toBe(true);
    expect(matches(m("service", "!~", "rag-.*"), labels)).toBe(false);
  });

  it("treat a missing label as the empty string", () => {
    expect(matches(m("team", "=", ""), labels)).toBe(true);
    expect(matches(m("team", "!=", ""), labels)).toBe(false);
    expect(matches(m("team", "!=", "db"), labels)).toBe(true);
    expect(matches(m("team", "=~", ".*"), labels)).toBe(true);
    expect(matches(m("team", "=~", ".+"), labels)).toBe(false);
    expect(matches(m("team", "!~", "db"), labels)).toBe(true);
  });

  it("all have to match", () => {
    expect(matchesAll([m("service", "=", "rag-api"), m("env", "=~", "prod|staging")], labels)).toBe(true);
    expect(matchesAll([m("service", "=", "rag-api"), m("env", "=", "staging")], labels)).toBe(false);
    expect(matchesAll([], labels)).toBe(true);
  });

  it("refuse a regular expression that does not compile", () => {
    const parsed = matcher.safeParse(m("service", "=~", "rag("));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["value"]);
    expect(matcher.safeParse(m("service", "=", "rag(")).success).toBe(true);
  });

  it("run on a linear-time engine, so a backtracking pattern answers at once", () => {
    const hostile = m("service", "=~", "(((.*)*)*)*x");
    expect(matcher.safeParse(hostile).success).toBe(true);
    expect(matches(hostile, { service: "a".repeat(40) })).toBe(false);
    expect(matches(hostile, { service: "aax" })).toBe(true);
  });

  it("refuse what RE2 does not accept, and patterns past 1,000 characters", () => {
    expect(matcher.safeParse(m("service", "=~", "(?=rag)rag")).success).toBe(false);
    expect(matcher.safeParse(m("service", "=~", "(a)\\1")).success).toBe(false);
    const long = matcher.safeParse(m("service", "=~", "a".repeat(1001)));
    expect(long.error?.issues[0]?.path).toEqual(["value"]);
  });
});
