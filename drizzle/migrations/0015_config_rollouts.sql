CREATE TABLE "config_rollouts" (
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"version" integer NOT NULL,
	"from_version" integer NOT NULL,
	"steps" integer[] NOT NULL,
	"step_seconds" integer NOT NULL,
	"guard" jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"halt_readings" jsonb,
	CONSTRAINT "config_rollouts_service_environment_version_pk" PRIMARY KEY("service","environment","version")
);
--> statement-breakpoint
ALTER TABLE "config_rollouts" ADD CONSTRAINT "config_rollouts_service_environment_version_config_versions_service_environment_version_fk" FOREIGN KEY ("service","environment","version") REFERENCES "public"."config_versions"("service","environment","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "config_rollouts_active_idx" ON "config_rollouts" USING btree ("service","environment") WHERE status in ('running', 'paused');