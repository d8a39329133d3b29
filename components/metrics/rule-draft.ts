import type { RuleView } from "@/lib/domain/rules/rule-view";

/** A rule as its form edits it: numbers and maps as the text of their inputs. */
export interface RuleDraft {
  id?: number;
  name: string;
  service: string;
  metric: string;
  tags: string;
  aggregation: RuleView["aggregation"];
  windowSeconds: string;
  comparator: RuleView["comparator"];
  threshold: string;
  forSeconds: string;
  severity: RuleView["severity"];
  labels: string;
  summary: string;
}

const pairs = (map: Record<string, string>) => Object.entries(map).map(([k, v]) => `${k}=${v}`).join(", ");
const map = (text: string) =>
  Object.fromEntries(
    text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf("=")).trim(), p.slice(p.indexOf("=") + 1).trim()]),
  );

export function emptyDraft(service = ""): RuleDraft {
  return { name: "", service, metric: "breaker_error_rate", tags: "", aggregation: "avg", windowSeconds: "60", comparator: ">", threshold: "0.25", forSeconds: "60", severity: "warning", labels: "", summary: "" };
}

export function draftOf(rule: RuleView): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    service: rule.service,
    metric: rule.metric,
    tags: pairs(rule.tags),
    aggregation: rule.aggregation,
    windowSeconds: String(rule.windowSeconds),
    comparator: rule.comparator,
    threshold: String(rule.threshold),
    forSeconds: String(rule.forSeconds),
    severity: rule.severity,
    labels: pairs(rule.labels),
    summary: rule.annotations.summary ?? "",
  };
}

/** The body the rule endpoints take; the server validates it. */
export function ruleBody(draft: RuleDraft): Record<string, unknown> {
  return {
    ...(draft.id !== undefined && { id: draft.id }),
    name: draft.name,
    service: draft.service,
    metric: draft.metric,
    tags: map(draft.tags),
    aggregation: draft.aggregation,
    windowSeconds: Number(draft.windowSeconds),
    comparator: draft.comparator,
    threshold: Number(draft.threshold),
    forSeconds: Number(draft.forSeconds),
    severity: draft.severity,
    labels: map(draft.labels),
    annotations: draft.summary ? { summary: draft.summary } : {},
  };
}
