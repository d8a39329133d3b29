-- Hourly rollups of metric points, so a chart of days reads one row per series and hour instead of
-- every raw point. Partitioned by day like metric_points, whose partitions are created and dropped
-- with these (lib/domain/metrics/partitions.ts).
CREATE TABLE "metric_points_hourly" (
	"series_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	PRIMARY KEY ("series_id", "hour")
) PARTITION BY RANGE ("hour");
--> statement-breakpoint
-- Where rolling up has reached: every hour before it is in metric_points_hourly.
CREATE TABLE "metric_rollup_state" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"rolled_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO "metric_rollup_state" ("rolled_until") VALUES (date_trunc('hour', now()));
--> statement-breakpoint
-- Rolling up reads an hour of every series at once: a BRIN index on time finds it without a scan of the day.
CREATE INDEX "metric_points_ts_brin_idx" ON "metric_points" USING brin ("ts");
