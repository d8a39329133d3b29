import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { alerts, severities } from "./alerts";

export const incidentStatuses = ["open", "resolved"] as const;

/**
 * An incident of one service: opened by its first critical or warning alert, joined by its later
 * ones, resolved when they are all resolved and a quiet period passed. At most one open per service.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    title: text("title").notNull(),
    service: text("service").notNull(),
    severity: text("severity", { enum: severities }).notNull(),
    status: text("status", { enum: incidentStatuses }).notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the last alert joined; the quiet period runs from it or from the last resolution. */
    lastAlertAt: timestamp("last_alert_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("incidents_open_service_idx").on(t.service).where(sql`status = 'open'`), index("incidents_status_idx").on(t.status, t.id)],
);

/** The alerts of an incident; an alert joins at most one. */
export const incidentAlerts = pgTable(
  "incident_alerts",
  {
    alertId: bigint("alert_id", { mode: "number" })
      .primaryKey()
      .references(() => alerts.id),
    incidentId: bigint("incident_id", { mode: "number" })
      .notNull()
      .references(() => incidents.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("incident_alerts_incident_idx").on(t.incidentId)],
);
