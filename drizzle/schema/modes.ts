import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { services } from "./services";

/** A manual flip of a service's mode; at most one per service, removed when cleared or expired. */
export const modeOverrides = pgTable(
  "mode_overrides",
  {
    service: text("service")
      .primaryKey()
      .references(() => services.name),
    mode: text("mode").notNull(),
    reason: text("reason").notNull(),
    setBy: text("set_by").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("mode_overrides_expires_at_idx").on(t.expiresAt)],
);

export const modeChangeSources = ["manual", "automatic", "expiry"] as const;

/** Every change of a service's desired mode. */
export const modeChanges = pgTable(
  "mode_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service")
      .notNull()
      .references(() => services.name),
    fromMode: text("from_mode"),
    toMode: text("to_mode").notNull(),
    source: text("source", { enum: modeChangeSources }).notNull(),
    reason: text("reason"),
    actor: text("actor"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("mode_changes_service_idx").on(t.service, t.id)],
);
