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

/** Hourly rollups of metric_points (migration 0009), partitioned by day the same way. */
export const metricPointsHourly = pgTable("metric_points_hourly", {
  seriesId: integer("series_id").notNull(),
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
  sum: doublePrecision("sum").notNull(),
  min: doublePrecision("min").notNull(),
  max: doublePrecision("max").notNull(),
});
