import type { severities } from "@/drizzle/schema";
import type { Labels } from "../routing/matchers";

export type Severity = (typeof severities)[number];

const levelOf: Record<string, Severity> = {
  critical: "critical",
  fatal: "critical",
  page: "critical",
  high: "critical",
  error: "critical",
  warning: "warning",
  warn: "warning",
  medium: "warning",
  info: "info",
  informational: "info",
  low: "info",
};

/** The level of an alert from its `severity` label; any other value, or none, is a warning. */
export function severityOf(labels: Labels): Severity {
  return levelOf[(labels.severity ?? "").trim().toLowerCase()] ?? "warning";
}
