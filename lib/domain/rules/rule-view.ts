import type { alertRules } from "@/drizzle/schema";

export type RuleRow = typeof alertRules.$inferSelect;

export interface RuleView {
  id: number;
  name: string;
  service: string;
  metric: string;
  tags: Record<string, string>;
  aggregation: RuleRow["aggregation"];
  windowSeconds: number;
  comparator: RuleRow["comparator"];
  threshold: number;
  forSeconds: number;
  severity: RuleRow["severity"];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: "inactive" | "pending" | "firing";
  lastValue: number | null;
  evaluatedAt: string | null;
  createdBy: string;
  updatedAt: string;
}

export function ruleView(r: RuleRow): RuleView {
  return {
    id: r.id,
    name: r.name,
    service: r.service,
    metric: r.metric,
    tags: r.tags,
    aggregation: r.aggregation,
    windowSeconds: r.windowSeconds,
    comparator: r.comparator,
    threshold: r.threshold,
    forSeconds: r.forSeconds,
    severity: r.severity,
    labels: r.labels,
    annotations: r.annotations,
    state: r.firingSince ? "firing" : r.pendingSince ? "pending" : "inactive",
    lastValue: r.lastValue,
    evaluatedAt: r.evaluatedAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}
