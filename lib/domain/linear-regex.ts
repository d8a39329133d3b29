import { RE2JS } from "re2js";
import { BoundedCache } from "./bounded-cache";

/** Longer patterns are refused: even a linear-time engine costs memory in the pattern's size. */
export const MAX_PATTERN_LENGTH = 1000;

export interface LinearRegex {
  test(input: string): boolean;
}

const compiled = new BoundedCache<string, LinearRegex>(1000);

/**
 * A regular expression from a person, compiled with RE2 semantics (as Alertmanager and Prometheus
 * use): matching time is linear in the input, so no pattern can backtrack for seconds on the
 * request thread. Throws on a pattern too long or not valid RE2 (lookarounds, backreferences).
 * `anchored` wraps it in `^(?:…)$` as Alertmanager does; unanchored searches, as JSON Schema's
 * `pattern` does.
 */
export function linearRegex(pattern: string, anchored: boolean): LinearRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  const source = anchored ? `^(?:${pattern})$` : pattern;
  let re = compiled.get(source);
  if (!re) {
    re = RE2JS.compile(source);
    compiled.set(source, re);
  }
  return re;
}
