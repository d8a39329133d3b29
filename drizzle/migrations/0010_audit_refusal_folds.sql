CREATE TABLE "audit_refusal_folds" (
	"key" text PRIMARY KEY NOT NULL,
	"audit_id" bigint,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_refusal_folds" ADD CONSTRAINT "audit_refusal_folds_audit_id_audit_events_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_refusal_folds_window_idx" ON "audit_refusal_folds" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "audit_refusal_folds_audit_idx" ON "audit_refusal_folds" USING btree ("audit_id");