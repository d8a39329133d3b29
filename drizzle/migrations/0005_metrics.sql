CREATE TABLE "alert_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"service" text NOT NULL,
	"metric" text NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"aggregation" text NOT NULL,
	"window_seconds" integer NOT NULL,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"for_seconds" integer DEFAULT 0 NOT NULL,
	"severity" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"annotations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pending_since" timestamp with time zone,
	"firing_since" timestamp with time zone,
	"last_value" double precision,
	"evaluated_at" timestamp with time zone,
	CONSTRAINT "alert_rules_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "metric_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"tags" jsonb NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alert_rules_service_idx" ON "alert_rules" USING btree ("service");--> statement-breakpoint
CREATE INDEX "alert_rules_evaluated_at_idx" ON "alert_rules" USING btree ("evaluated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_series_identity_idx" ON "metric_series" USING btree ("service","name","key");