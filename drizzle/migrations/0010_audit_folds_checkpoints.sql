CREATE TABLE "audit_refusal_folds" (
	"key" text PRIMARY KEY NOT NULL,
	"audit_id" bigint,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"audit_id" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"count" bigint NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_refusal_folds_window_idx" ON "audit_refusal_folds" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "audit_refusal_folds_audit_idx" ON "audit_refusal_folds" USING btree ("audit_id");