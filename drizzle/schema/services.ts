import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const healthStatuses = ["healthy", "degraded", "unhealthy"] as const;

export const services = pgTable("services", {
  name: text("name").primaryKey(),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
  lastReportAt: timestamp("last_report_at", { withTimezone: true }).notNull().defaultNow(),
  /** Bumped by every change of the control document, so a stale `expectedRevision` is refused and ETags change. */
  revision: integer("revision").notNull().default(0),
  /** When `revision` last moved: the start of the delivery every instance's report then proves. Null before any change. */
  revisionAt: timestamp("revision_at", { withTimezone: true }),
  /** The modes the service declares in its reports, mildest first; null means the default ladder. */
  modes: text("modes").array(),
  /** The fleet's own choice: the most common automatic mode of the live instances. */
  automaticMode: text("automatic_mode").notNull().default("normal"),
});

export const instances = pgTable(
  "instances",
  {
    service: text("service")
      .notNull()
      .references(() => services.name),
    instance: text("instance").notNull(),
    environment: text("environment").notNull().default("production"),
    health: text("health", { enum: healthStatuses }).notNull().default("healthy"),
    checks: jsonb("checks").$type<Record<string, string>>().notNull().default({}),
    mode: text("mode"),
    automaticMode: text("automatic_mode"),
    configVersion: integer("config_version"),
    /** When this instance first reported its current `configVersion`. */
    configVersionAt: timestamp("config_version_at", { withTimezone: true }),
    /** The control revision this instance last reported having applied, and when it first reported it. */
    controlRevision: integer("control_revision"),
    controlRevisionAt: timestamp("control_revision_at", { withTimezone: true }),
    queueDepth: integer("queue_depth"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastReportAt: timestamp("last_report_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.service, t.instance] })],
);
