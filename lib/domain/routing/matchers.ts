import { z } from "zod";
import type { SilenceMatcher } from "@/drizzle/schema/alerts";
import { linearRegex, MAX_PATTERN_LENGTH } from "../linear-regex";

export type Matcher = SilenceMatcher;
export type Labels = Record<string, string>;

export const matcherOps = ["=", "!=", "=~", "!~"] as const;

export const labelName = z.string().trim().min(1).max(200);

export const matcher = z
  .object({ label: labelName, op: z.enum(matcherOps), value: z.string().max(MAX_PATTERN_LENGTH) })
  .refine((m) => !isRegex(m) || compiles(m.value), { message: "not a valid RE2 regular expression", path: ["value"] });

export const matchers = z.array(matcher).max(50);

function isRegex(m: Pick<Matcher, "op">): boolean {
  return m.op === "=~" || m.op === "!~";
}

function compiles(pattern: string): boolean {
  try {
    linearRegex(pattern, true);
    return true;
  } catch {
    return false;
  }
}

/** As Alertmanager does it: a missing label equals the empty string. */
export function matches(m: Matcher, labels: Labels): boolean {
  return matchesValue(m, labels[m.label] ?? "");
}

export function matchesValue(m: Matcher, value: string): boolean {
  switch (m.op) {
    case "=":
      return value === m.value;
    case "!=":
      return value !== m.value;
    case "=~":
      return linearRegex(m.value, true).test(value);
    case "!~":
      return !linearRegex(m.value, true).test(value);
  }
}

export function matchesAll(list: readonly Matcher[], labels: Labels): boolean {
  return list.every((m) => matches(m, labels));
}
