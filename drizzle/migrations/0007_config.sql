CREATE TABLE "config_bakes" (
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"version" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"outcome" text,
	"alert_name" text,
	CONSTRAINT "config_bakes_service_environment_version_pk" PRIMARY KEY("service","environment","version")
);
--> statement-breakpoint
CREATE TABLE "config_documents" (
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"schema" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_documents_service_environment_pk" PRIMARY KEY("service","environment")
);
--> statement-breakpoint
CREATE TABLE "config_environments" (
	"name" text PRIMARY KEY NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_templates" (
	"name" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_versions" (
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"message" text NOT NULL,
	"author" text NOT NULL,
	"base_version" integer NOT NULL,
	"rollback_of" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_versions_service_environment_version_pk" PRIMARY KEY("service","environment","version")
);
--> statement-breakpoint
ALTER TABLE "config_bakes" ADD CONSTRAINT "config_bakes_service_environment_version_config_versions_service_environment_version_fk" FOREIGN KEY ("service","environment","version") REFERENCES "public"."config_versions"("service","environment","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_documents" ADD CONSTRAINT "config_documents_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_versions" ADD CONSTRAINT "config_versions_service_environment_config_documents_service_environment_fk" FOREIGN KEY ("service","environment") REFERENCES "public"."config_documents"("service","environment") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "config_bakes_running_idx" ON "config_bakes" USING btree ("until") WHERE ended_at is null;