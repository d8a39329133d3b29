import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only: triggers in the migrations refuse UPDATE, DELETE and TRUNCATE.
 * `prevHash` is UNIQUE so two writers that read the same head fail loudly instead of forking the chain.
 * `tokenId` and `tokenName` name the personal token a person acted with (null with a session): a
 * token one admin minted for another must not pass for its owner. No foreign key: a revoked
 * token's row goes, its events stay.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actor: text("actor").notNull(),
    role: text("role"),
    action: text("action").notNull(),
    target: text("target"),
    outcome: text("outcome", { enum: ["ok", "denied"] }).notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    tokenId: uuid("token_id"),
    tokenName: text("token_name"),
    prevHash: text("prev_hash").notNull().unique(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [index("audit_events_actor_idx").on(t.actor, t.id), index("audit_events_action_idx").on(t.action, t.id), index("audit_events_at_idx").on(t.at)],
);
