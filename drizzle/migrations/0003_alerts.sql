CREATE TABLE "alert_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "alert_groups" (
	"key" text PRIMARY KEY NOT NULL,
	"first_due_at" timestamp with time zone NOT NULL,
	"flushed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text NOT NULL,
	"silenced_by" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text GENERATED ALWAYS AS (case when state = 'resolved' then 'resolved' when cardinality(silenced_by) > 0 then 'silenced' else state end) STORED NOT NULL,
	"severity" text NOT NULL,
	"service" text,
	"labels" jsonb NOT NULL,
	"annotations" jsonb NOT NULL,
	"generator_url" text,
	"source" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"ack_expires_at" timestamp with time zone,
	"resolved_by" text,
	"policy" jsonb NOT NULL,
	"group_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"cycle" integer DEFAULT 0 NOT NULL,
	"escalate_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"repeat_at" timestamp with time zone,
	"repeats" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_failure_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	CONSTRAINT "channels_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"channel_id" uuid NOT NULL,
	"event" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"group_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "deliveries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"tree" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matchers" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"comment" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expired_by" text,
	"applied_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "silences_ends_after_start" CHECK ("silences"."ends_at" > "silences"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_fingerprint_idx" ON "alerts" USING btree ("fingerprint") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_fingerprint_idx" ON "alerts" USING btree ("fingerprint","id");--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "alerts_open_severity_idx" ON "alerts" USING btree ("severity") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_service_idx" ON "alerts" USING btree ("service","id");--> statement-breakpoint
CREATE INDEX "alerts_labels_idx" ON "alerts" USING gin ("labels" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "alerts_open_group_keys_idx" ON "alerts" USING gin ("group_keys") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_escalate_at_idx" ON "alerts" USING btree ("escalate_at") WHERE state = 'firing' and escalated_at is null;--> statement-breakpoint
CREATE INDEX "alerts_ack_expires_at_idx" ON "alerts" USING btree ("ack_expires_at") WHERE state = 'acknowledged';--> statement-breakpoint
CREATE INDEX "alerts_repeat_at_idx" ON "alerts" USING btree ("repeat_at") WHERE state = 'firing';--> statement-breakpoint
CREATE INDEX "alerts_ends_at_idx" ON "alerts" USING btree ("ends_at") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("due_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "deliveries_sending_idx" ON "deliveries" USING btree ("locked_until") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "deliveries_alert_channel_idx" ON "deliveries" USING btree ("alert_id","channel_id","id");--> statement-breakpoint
CREATE INDEX "delivery_attempts_delivery_idx" ON "delivery_attempts" USING btree ("delivery_id","id");--> statement-breakpoint
CREATE INDEX "silences_ends_at_idx" ON "silences" USING btree ("ends_at");