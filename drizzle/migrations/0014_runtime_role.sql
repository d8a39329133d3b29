ALTER TABLE "audit_events" ADD COLUMN "token_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "token_name" text;--> statement-breakpoint
-- Checkpoints are the chain's anchors (lib/domain/audit/verify.ts): append-only like the events they vouch for.
CREATE FUNCTION append_only_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
-- The console runs as a role that owns no table (lib/db/runtime-role.ts), and only a table's
-- owner may add or drop its partitions; these run as the owner, for a whole UTC day of the two
-- partitioned metrics tables and nothing else.
CREATE FUNCTION breakwater_create_metric_partitions(day date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  parent text;
  low timestamptz := day::timestamp AT TIME ZONE 'UTC';
BEGIN
  FOREACH parent IN ARRAY ARRAY['metric_points', 'metric_points_hourly'] LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
      parent || '_' || to_char(day, 'YYYYMMDD'), parent, low, low + interval '24 hours');
  END LOOP;
END $$;
--> statement-breakpoint
CREATE FUNCTION breakwater_drop_metric_partitions(day date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  parent text;
BEGIN
  FOREACH parent IN ARRAY ARRAY['metric_points', 'metric_points_hourly'] LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I', parent || '_' || to_char(day, 'YYYYMMDD'));
  END LOOP;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION breakwater_create_metric_partitions(date), breakwater_drop_metric_partitions(date) FROM PUBLIC;
