import { doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const metricKinds = ["counter", "gauge", "histogram"] as const;

/**
 * One time series: a service's metric name with one set of tags. `key` is the tags in a canonical
 * form (sorted by name), so the same tags in any order are one series. The points live in
 * `metric_points`, partitioned by day in a hand-written migration that drizzle-kit cannot express;
 * lib/domain/metrics/points-table.ts describes it for queries.
 */
export const metricSeries = pgTable(
  "metric_series",
  {
    id: serial("id").primaryKey(),
    service: text("service").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: metricKinds }).notNull(),
    tags: jsonb("tags").$type<Record<string, string>>().notNull(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("metric_series_identity_idx").on(t.service, t.name, t.key)],
);

export const ruleAggregations = ["avg", "max", "min", "sum", "rate", "p95"] as const;
export const ruleComparators = [">", ">=", "<", "<="] as const;
export const ruleSeverities = ["critical", "warning", "info"] as const;

/**
 * An alert rule on a metric: the aggregation of the matching series over `windowSeconds`, compared
 * with `threshold`, true for `forSeconds` before it fires. The evaluation state lives on the row so
 * the job can claim rules with `FOR UPDATE SKIP LOCKED` from any process.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull().unique(),
    service: text("service").notNull(),
    metric: text("metric").notNull(),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    aggregation: text("aggregation", { enum: ruleAggregations }).notNull(),
    windowSeconds: integer("window_seconds").notNull(),
    comparator: text("comparator", { enum: ruleComparators }).notNull(),
    threshold: doublePrecision("threshold").notNull(),
    forSeconds: integer("for_seconds").notNull().default(0),
    severity: text("severity", { enum: ruleSeverities }).notNull(),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    annotations: jsonb("annotations").$type<Record<string, string>>().notNull().default({}),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the condition last became true and has held since; null while it is false. */
    pendingSince: timestamp("pending_since", { withTimezone: true }),
    /** When the rule last raised its alert; null while it is not firing. */
    firingSince: timestamp("firing_since", { withTimezone: true }),
    lastValue: doublePrecision("last_value"),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }),
  },
  (t) => [index("alert_rules_service_idx").on(t.service), index("alert_rules_evaluated_at_idx").on(t.evaluatedAt)],
);
