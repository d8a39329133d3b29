import type { RuleRow } from "./rule-view";

/**
 * The alert a rule raises or resolves, in the shape `POST /api/v1/alerts` takes, so it goes through
 * the same intake (fingerprint, routing, silences, notifications) as a pushed one. Its labels never
 * carry the value, so each firing is one alert however the value moves.
 */
export function ruleAlert(rule: RuleRow, change: { status: "firing"; startsAt: Date } | { status: "resolved"; endsAt: Date }, value: number | null) {
  const summary = `${rule.aggregation} of ${rule.metric} over ${rule.windowSeconds} s is ${value === null ? "without data" : round(value)} (${rule.comparator} ${rule.threshold})`;
  return {
    labels: { ...rule.labels, alertname: rule.name, service: rule.service, severity: rule.severity },
    annotations: { summary, ...rule.annotations },
    status: change.status,
    ...(change.status === "firing" ? { startsAt: change.startsAt.toISOString() } : { endsAt: change.endsAt.toISOString() }),
    generatorURL: `/metrics/${encodeURIComponent(rule.service)}`,
  };
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}
