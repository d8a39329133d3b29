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
});
