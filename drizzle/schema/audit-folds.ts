import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Refusals folded into the audit row of their burst: one row per caller, address, action and
 * minute, whose `count` grows with each further refusal instead of the chain growing. Not part of
 * the chain (a counter of attempts, which the caller controls anyway); pruned after an hour.
 * `auditId` names the burst's event without a foreign key, which would turn the append-only
 * trigger's refusal of TRUNCATE on audit_events into a foreign-key error.
 */
export const auditRefusalFolds = pgTable(
  "audit_refusal_folds",
  {
    key: text("key").primaryKey(),
    auditId: bigint("audit_id", { mode: "number" }),
    count: integer("count").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("audit_refusal_folds_window_idx").on(t.windowStart), index("audit_refusal_folds_audit_idx").on(t.auditId)],
);
