import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Bearer tokens: a service token is scoped to one service (or `*`); a personal one acts as its owner. */
export const tokens = pgTable(
  "tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: ["service", "personal"] }).notNull(),
    service: text("service"),
    userId: uuid("user_id").references(() => users.id),
    hash: text("hash").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "tokens_kind_owner",
      sql`(${t.kind} = 'service' and ${t.service} is not null and ${t.userId} is null)
        or (${t.kind} = 'personal' and ${t.userId} is not null and ${t.service} is null)`,
    ),
  ],
);
