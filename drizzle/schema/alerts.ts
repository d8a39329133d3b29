import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const alertStates = ["firing", "acknowledged", "resolved"] as const;
export const alertStatuses = ["firing", "acknowledged", "resolved", "silenced"] as const;
export const severities = ["critical", "warning", "info"] as const;

/** What the alert's first route decided at intake, kept so later notifications follow the same route. */
export interface AlertPolicy {
  routes: { path: string; receiver: string; groupKey: string; groupWaitSeconds: number; groupIntervalSeconds: number }[];
  ackTimeoutSeconds: number;
  repeatIntervalSeconds: number;
  escalation: { afterSeconds: number; receiver: string } | null;
}

/**
 * One occurrence of an alert: a fingerprint that fires again after being resolved opens a new row
 * with its own timeline. `status` is what people see: `silenced` while a silence matches an open one.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: alertStates }).notNull(),
    silencedBy: uuid("silenced_by").array().notNull().default(sql`'{}'::uuid[]`),
    status: text("status", { enum: alertStatuses })
      .notNull()
      .generatedAlwaysAs(sql`case when state = 'resolved' then 'resolved' when cardinality(silenced_by) > 0 then 'silenced' else state end`),
    severity: text("severity", { enum: severities }).notNull(),
    service: text("service"),
    labels: jsonb("labels").$type<Record<string, string>>().notNull(),
    annotations: jsonb("annotations").$type<Record<string, string>>().notNull(),
    generatorUrl: text("generator_url"),
    source: text("source", { enum: ["native", "alertmanager"] }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    ackExpiresAt: timestamp("ack_expires_at", { withTimezone: true }),
    /** Null when the source resolved it. */
    resolvedBy: text("resolved_by"),
    policy: jsonb("policy").$type<AlertPolicy>().notNull(),
    /** The notification groups of its routes, to tell when a group has no open alert left. */
    groupKeys: text("group_keys").array().notNull().default(sql`'{}'::text[]`),
    /** Bumped whenever the alert notifies afresh (ack expired, silence lifted), so those deliveries get keys of their own. */
    cycle: integer("cycle").notNull().default(0),
    escalateAt: timestamp("escalate_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    repeatAt: timestamp("repeat_at", { withTimezone: true }),
    repeats: integer("repeats").notNull().default(0),
  },
  (t) => [
    uniqueIndex("alerts_open_fingerprint_idx").on(t.fingerprint).where(sql`state <> 'resolved'`),
    index("alerts_fingerprint_idx").on(t.fingerprint, t.id),
    index("alerts_status_idx").on(t.status, t.id),
    // The sidebar's counts by severity, read on every alert change, from the index alone.
    index("alerts_firing_severity_idx").on(t.severity).where(sql`status = 'firing'`),
    index("alerts_service_idx").on(t.service, t.id),
    // The open-alert cap counts these on every intake: without it the count walks every alert the service ever had.
    index("alerts_open_service_idx").on(t.service).where(sql`state <> 'resolved'`),
    index("alerts_labels_idx").using("gin", sql`${t.labels} jsonb_path_ops`),
    index("alerts_open_group_keys_idx").using("gin", t.groupKeys).where(sql`state <> 'resolved'`),
    index("alerts_escalate_at_idx").on(t.escalateAt).where(sql`state = 'firing' and escalated_at is null`),
    index("alerts_ack_expires_at_idx").on(t.ackExpiresAt).where(sql`state = 'acknowledged'`),
    index("alerts_repeat_at_idx").on(t.repeatAt).where(sql`state = 'firing'`),
    index("alerts_ends_at_idx").on(t.endsAt).where(sql`state <> 'resolved'`),
  ],
);

export const alertEventKinds = ["fired", "refired", "notified", "acked", "ack_expired", "escalated", "resolved", "silenced", "unsilenced", "action"] as const;

/** An alert's timeline; `action` is a mode flip, override or rollback sent from the alert. */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: bigint("alert_id", { mode: "number" })
      .notNull()
      .references(() => alerts.id),
    kind: text("kind", { enum: alertEventKinds }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor"),
    note: text("note"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("alert_events_alert_idx").on(t.alertId, t.id)],
);

export interface SilenceMatcher {
  label: string;
  op: "=" | "!=" | "=~" | "!~";
  value: string;
}

/**
 * `appliedAt` and `liftedAt` record that the silence's start and end were applied to the open
 * alerts, so a silence starting or ending by the clock is applied once.
 */
export const silences = pgTable(
  "silences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchers: jsonb("matchers").$type<SilenceMatcher[]>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    comment: text("comment").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiredBy: text("expired_by"),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
  },
  (t) => [index("silences_ends_at_idx").on(t.endsAt), check("silences_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`)],
);

export const channelTypes = ["webhook", "slack", "pagerduty", "email"] as const;

export const channels = pgTable("channels", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  type: text("type", { enum: channelTypes }).notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** Reset by a success; a channel failing repeatedly is flagged on the Routing page. */
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  lastError: text("last_error"),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
});

/** Every published routing tree; the highest version is in force, and none means the default tree. */
export const routingVersions = pgTable("routing_versions", {
  version: integer("version").primaryKey(),
  tree: jsonb("tree").$type<Record<string, unknown>>().notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A notification group: a route and the values of its group-by labels; it times the group's notifications. */
export const alertGroups = pgTable("alert_groups", {
  key: text("key").primaryKey(),
  firstDueAt: timestamp("first_due_at", { withTimezone: true }).notNull(),
  flushedAt: timestamp("flushed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const deliveryEvents = ["trigger", "repeat", "escalate", "acknowledge", "resolve"] as const;
export const deliveryStatuses = ["pending", "sending", "sent", "failed", "cancelled"] as const;

/**
 * The outbox: one notification of one alert to one channel, written in the transaction of the alert
 * change and sent by the delivery worker. The idempotency key makes a repeated intent a no-op.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: bigint("alert_id", { mode: "number" })
      .notNull()
      .references(() => alerts.id),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    event: text("event", { enum: deliveryEvents }).notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    groupKey: text("group_key"),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [
    index("deliveries_due_idx").on(t.dueAt).where(sql`status = 'pending'`),
    index("deliveries_sending_idx").on(t.lockedUntil).where(sql`status = 'sending'`),
    index("deliveries_alert_channel_idx").on(t.alertId, t.channelId, t.id),
  ],
);

/** Every attempt to send a delivery, for the delivery log. */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => deliveries.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ok: boolean("ok").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId, t.id)],
);
