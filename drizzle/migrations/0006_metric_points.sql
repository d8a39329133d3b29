-- Metric points, partitioned by UTC day so retention drops whole partitions instead of deleting
-- rows. drizzle-kit cannot express PARTITION BY, so this table is written by hand and kept out of
-- drizzle/schema; the daily partitions are created ahead and dropped by lib/jobs/metrics-partitions.ts.
-- No foreign key to metric_series: every COPY would check it row by row, and series are never deleted.
CREATE TABLE "metric_points" (
	"series_id" integer NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
CREATE INDEX "metric_points_series_ts_idx" ON "metric_points" USING btree ("series_id", "ts");
