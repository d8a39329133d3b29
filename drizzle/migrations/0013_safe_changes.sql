CREATE TABLE "change_request_approvals" (
	"change_request_id" bigint NOT NULL,
	"approver" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_request_approvals_change_request_id_approver_pk" PRIMARY KEY("change_request_id","approver")
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"body" jsonb NOT NULL,
	"message" text NOT NULL,
	"expected_version" integer NOT NULL,
	"bake_minutes" integer,
	"rollout" jsonb,
	"approvals_required" integer NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_version" integer,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"break_glass_reason" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "config_policies" (
	"service" text NOT NULL,
	"environment" text NOT NULL,
	"approvals" integer DEFAULT 0 NOT NULL,
	"freeze_while_critical" boolean DEFAULT false NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_policies_service_environment_pk" PRIMARY KEY("service","environment"),
	CONSTRAINT "config_policies_approvals" CHECK (approvals between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"service" text NOT NULL,
	"environment" text,
	"mode" text,
	"reason" text,
	"expires_at" timestamp with time zone,
	"change_request_id" bigint,
	"expected_revision" integer,
	"expected_version" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	"suspended_reason" text
);
--> statement-breakpoint
ALTER TABLE "change_request_approvals" ADD CONSTRAINT "change_request_approvals_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_policies" ADD CONSTRAINT "config_policies_service_services_name_fk" FOREIGN KEY ("service") REFERENCES "public"."services"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_status_idx" ON "change_requests" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "change_requests_document_idx" ON "change_requests" USING btree ("service","environment","id");--> statement-breakpoint
CREATE INDEX "change_requests_unreviewed_idx" ON "change_requests" USING btree ("created_at") WHERE kind = 'break_glass' and reviewed_at is null;--> statement-breakpoint
CREATE INDEX "schedules_due_idx" ON "schedules" USING btree ("at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "schedules_service_idx" ON "schedules" USING btree ("service","id");