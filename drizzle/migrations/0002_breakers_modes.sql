CREATE TABLE "breaker_minutes" (
	"service" text NOT NULL,
	"breaker" text NOT NULL,
	"instance" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"failures" bigint DEFAULT 0 NOT NULL,
	"successes" bigint DEFAULT 0 NOT NULL,
	"rejects" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "breaker_minutes_service_breaker_instance_minute_pk" PRIMARY KEY("service","breaker","instance","minute")
);
--> statement-breakpoint
CREATE TABLE "breaker_overrides" (
	"service" text NOT NULL,
	"breaker" text NOT NULL,
	"override" text NOT NULL,
	"reason" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "breaker_overrides_service_breaker_pk" PRIMARY KEY("service","breaker")
);
--> statement-breakpoint
CREATE TABLE "breaker_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"instance" text,
	"breaker" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"actor" text
);
--> statement-breakpoint
CREATE TABLE "breakers" (
	"service" text NOT NULL,
	"instance" text NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"state_since" timestamp with time zone NOT NULL,
	"failures" integer,
	"successes" integer,
	"rejects" integer,
	"timeouts" integer,
	"fallbacks" integer,
	"failure_rate" real,
	"calls_per_second" real,
	"rejects_per_second" real,
	"latency_p50" real,
	"latency_p95" real,
	"latency_p99" real,
	"config" jsonb,
	"event_failures" bigint DEFAULT 0 NOT NULL,
	"event_successes" bigint DEFAULT 0 NOT NULL,
	"event_rejects" bigint DEFAULT 0 NOT NULL,
	"event_timeouts" bigint DEFAULT 0 NOT NULL,
	"event_fallbacks" bigint DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakers_service_instance_name_pk" PRIMARY KEY("service","instance","name")
);
--> statement-breakpoint
CREATE TABLE "mode_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"from_mode" text,
	"to_mode" text NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"actor" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mode_overrides" (
	"service" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"reason" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "automatic_mode" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "modes" text[];--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "automatic_mode" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "breaker_overrides" ADD CONSTRAINT "breaker_overrides_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakers" ADD CONSTRAINT "breakers_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mode_changes" ADD CONSTRAINT "mode_changes_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mode_overrides" ADD CONSTRAINT "mode_overrides_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaker_minutes_minute_idx" ON "breaker_minutes" USING btree ("minute");--> statement-breakpoint
CREATE INDEX "breaker_overrides_expires_at_idx" ON "breaker_overrides" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "breaker_transitions_breaker_idx" ON "breaker_transitions" USING btree ("service","breaker","at");--> statement-breakpoint
CREATE INDEX "breaker_transitions_at_idx" ON "breaker_transitions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "breakers_service_name_idx" ON "breakers" USING btree ("service","name");--> statement-breakpoint
CREATE INDEX "mode_changes_service_idx" ON "mode_changes" USING btree ("service","id");--> statement-breakpoint
CREATE INDEX "mode_overrides_expires_at_idx" ON "mode_overrides" USING btree ("expires_at");