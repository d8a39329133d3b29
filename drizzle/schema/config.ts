import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { services } from "./services";

/** Environments added beyond the default three (development, staging, production). */
export const configEnvironments = pgTable("config_environments", {
  name: text("name").primaryKey(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A config document per (service, environment): which version is current, and its optional JSON Schema. */
export const configDocuments = pgTable(
  "config_documents",
  {
    service: text("service")
      .notNull()
      .references(() => services.name),
    environment: text("environment").notNull(),
    /** 0 until the first publish; moved only under the document's row lock, together with a new version row. */
    currentVersion: integer("current_version").notNull().default(0),
    schema: jsonb("schema").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.service, t.environment] })],
);

/** Every version ever published; rows are only inserted, and the primary key forbids two of one number. */
export const configVersions = pgTable(
  "config_versions",
  {
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    version: integer("version").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    message: text("message").notNull(),
    author: text("author").notNull(),
    /** The version the author edited: the `expectedVersion` of the publish. */
    baseVersion: integer("base_version").notNull(),
    /** Set when this version restores an earlier one's body. */
    rollbackOf: integer("rollback_of"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.environment, t.version] }),
    foreignKey({ columns: [t.service, t.environment], foreignColumns: [configDocuments.service, configDocuments.environment] }),
  ],
);

export const bakeOutcomes = ["ended", "rolled_back"] as const;

/** The watch after a publish with `bakeMinutes`: a critical alert of the service during it rolls the version back. */
export const configBakes = pgTable(
  "config_bakes",
  {
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    version: integer("version").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    until: timestamp("until", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by"),
    outcome: text("outcome", { enum: bakeOutcomes }),
    /** The alert that ended it by a rollback. */
    alertName: text("alert_name"),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.environment, t.version] }),
    foreignKey({ columns: [t.service, t.environment, t.version], foreignColumns: [configVersions.service, configVersions.environment, configVersions.version] }),
    index("config_bakes_running_idx").on(t.until).where(sql`ended_at is null`),
  ],
);

/** Named bodies an admin can start a new version from. */
export const configTemplates = pgTable("config_templates", {
  name: text("name").primaryKey(),
  body: jsonb("body").$type<Record<string, unknown>>().notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
