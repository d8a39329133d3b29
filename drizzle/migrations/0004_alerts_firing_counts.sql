DROP INDEX "alerts_open_severity_idx";--> statement-breakpoint
CREATE INDEX "alerts_firing_severity_idx" ON "alerts" USING btree ("severity") WHERE status = 'firing';