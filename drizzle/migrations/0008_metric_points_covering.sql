-- Charts read (series_id, ts, value) only: with the value in the index they are answered by an
-- index-only scan, without visiting the heap pages of millions of points.
DROP INDEX "metric_points_series_ts_idx";
--> statement-breakpoint
CREATE INDEX "metric_points_series_ts_idx" ON "metric_points" USING btree ("series_id", "ts") INCLUDE ("value");
