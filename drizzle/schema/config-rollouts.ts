import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { configVersions } from "./config";

export const rolloutStatuses = ["running", "paused", "completed", "halted", "aborted", "superseded"] as const;

export interface RolloutGuard {
  breakerOpenFraction: number;
  errorRateAbove: number;
}

/**
 * A version handed out step by step: instances whose bucket is below the current step's
 * percentage get it, the others keep `fromVersion`. `step` indexes `steps` and moves only under
 * the document's lock, so an advance or a halt applies once however many processes race to it.
 */
export const configRollouts = pgTable(
  "config_rollouts",
  {
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    version: integer("version").notNull(),
    /** The version instances outside the step keep. */
    fromVersion: integer("from_version").notNull(),
    steps: integer("steps").array().notNull(),
    stepSeconds: integer("step_seconds").notNull(),
    guard: jsonb("guard").$type<RolloutGuard>().notNull(),
    step: integer("step").notNull().default(0),
    stepStartedAt: timestamp("step_started_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: rolloutStatuses }).notNull().default("running"),
    startedBy: text("started_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedBy: text("ended_by"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** What ended it early: the guard's readings, or the admin's reason. */
    endReason: text("end_reason"),
    haltReadings: jsonb("halt_readings").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.environment, t.version] }),
    foreignKey({ columns: [t.service, t.environment, t.version], foreignColumns: [configVersions.service, configVersions.environment, configVersions.version] }),
    index("config_rollouts_active_idx").on(t.service, t.environment).where(sql`status in ('running', 'paused')`),
  ],
);
