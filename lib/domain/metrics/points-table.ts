import { doublePrecision, integer, pgTable, timestamp } from "drizzle-orm/pg-core";

/**
 * `metric_points` as queries see it. Created by a hand-written migration (0006) as a table
 * partitioned by day, which drizzle-kit cannot express, so it stays out of drizzle/schema and
 * drizzle-kit never tries to create it again.
 */
export const metricPoints = pgTable("metric_points", {
  seriesId: integer("series_id").notNull(),
  ts: timestamp("ts", { withTimezone: true }).notNull(),
  value: doublePrecision("value").notNull(),
});
