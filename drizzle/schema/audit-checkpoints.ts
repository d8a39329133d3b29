import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Points up to which the chain was verified: the event, its hash and how many events reach it
 * from genesis. The badge verifies from the newest one on, so its cost is the rows since. No
 * foreign key to audit_events: one would turn the append-only trigger's refusal of TRUNCATE
 * into a foreign-key error, and a checkpoint whose event is gone must read as a broken chain.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  auditId: bigint("audit_id", { mode: "number" }).primaryKey(),
  hash: text("hash").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull().defaultNow(),
});
