import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { services } from "./services";

/** How a document may change: approvals a publish needs first, and whether a critical alert freezes it. */
export const configPolicies = pgTable(
  "config_policies",
  {
    service: text("service")
      .notNull()
      .references(() => services.name),
    environment: text("environment").notNull(),
    approvals: integer("approvals").notNull().default(0),
    freezeWhileCritical: boolean("freeze_while_critical").notNull().default(false),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.service, t.environment] }), check("config_policies_approvals", sql`approvals between 0 and 2`)],
);

export const changeRequestKinds = ["approval", "break_glass"] as const;
export const changeRequestStatuses = ["pending", "applied", "rejected", "stale"] as const;

/**
 * A publish held for approval (`approval`), or one applied at once by break glass (`break_glass`,
 * always `applied`) that waits for another admin's review. The body is stored as it will be
 * published, secrets included: readers mask it.
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: changeRequestKinds }).notNull(),
    status: text("status", { enum: changeRequestStatuses }).notNull(),
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    message: text("message").notNull(),
    expectedVersion: integer("expected_version").notNull(),
    bakeMinutes: integer("bake_minutes"),
    /** The publish's progressive rollout, kept as sent and handed back to the publish when applied. */
    rollout: jsonb("rollout"),
    approvalsRequired: integer("approvals_required").notNull(),
    author: text("author").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Moves with every edit; approvals are of one revision only, so an edit drops them. */
    revision: integer("revision").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    appliedVersion: integer("applied_version"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectReason: text("reject_reason"),
    breakGlassReason: text("break_glass_reason"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    index("change_requests_status_idx").on(t.status, t.id),
    index("change_requests_document_idx").on(t.service, t.environment, t.id),
    index("change_requests_unreviewed_idx").on(t.createdAt).where(sql`kind = 'break_glass' and reviewed_at is null`),
  ],
);

export const changeRequestApprovals = pgTable(
  "change_request_approvals",
  {
    changeRequestId: bigint("change_request_id", { mode: "number" })
      .notNull()
      .references(() => changeRequests.id),
    approver: text("approver").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.changeRequestId, t.approver] })],
);

export const scheduleKinds = ["mode_flip", "apply_change_request"] as const;
export const scheduleStatuses = ["pending", "applied", "suspended"] as const;

/**
 * A change to make at a time. It records the state of its target when made (the service's control
 * revision, or the document's version) and is suspended rather than applied if that moved.
 */
export const schedules = pgTable(
  "schedules",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: scheduleKinds }).notNull(),
    status: text("status", { enum: scheduleStatuses }).notNull().default("pending"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    service: text("service").notNull(),
    environment: text("environment"),
    mode: text("mode"),
    reason: text("reason"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    changeRequestId: bigint("change_request_id", { mode: "number" }).references(() => changeRequests.id),
    expectedRevision: integer("expected_revision"),
    expectedVersion: integer("expected_version"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    suspendedReason: text("suspended_reason"),
  },
  (t) => [index("schedules_due_idx").on(t.at).where(sql`status = 'pending'`), index("schedules_service_idx").on(t.service, t.id)],
);
