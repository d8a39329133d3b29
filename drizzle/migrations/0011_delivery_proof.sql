ALTER TABLE "instances" ADD COLUMN "config_version_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "control_revision" integer;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "control_revision_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "revision_at" timestamp with time zone;