import type { Db } from "@/lib/db/client";
import { systemCtx } from "../context";
import { Conflict } from "../errors";
import { reportSeries } from "../metrics/report-series";
import type { RuleFields } from "./rule-input";
import { createRule } from "./save-rule";

/** The rules every simulated service starts with: failing calls, slow calls, an open breaker. */
function fleetRules(service: string): RuleFields[] {
  const common = { service, tags: {}, labels: { team: "demo" }, annotations: {} };
  return [
    { ...common, name: `${service}-high-error-rate`, metric: reportSeries.errorRate, aggregation: "avg", windowSeconds: 60, comparator: ">", threshold: 0.25, forSeconds: 30, severity: "critical" },
    { ...common, name: `${service}-slow-p99`, metric: reportSeries.p99, aggregation: "max", windowSeconds: 60, comparator: ">", threshold: 2_000, forSeconds: 60, severity: "warning" },
    { ...common, name: `${service}-breaker-open`, metric: reportSeries.open, aggregation: "max", windowSeconds: 30, comparator: ">=", threshold: 1, forSeconds: 0, severity: "warning" },
  ];
}

/** Adds the fleet's default rules that are missing; one an admin changed keeps its changes. */
export async function seedFleetRules(db: Db, services: string[]): Promise<void> {
  for (const rule of services.flatMap(fleetRules)) {
    await createRule(systemCtx("fleet"), rule, db).catch((error: unknown) => {
      if (!(error instanceof Conflict)) throw error;
    });
  }
}
