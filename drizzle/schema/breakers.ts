import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from "drizzle-orm/pg-core";
import { services } from "./services";

export const breakerStateValues = ["closed", "open", "half_open", "forced_open", "forced_closed", "disabled"] as const;

/** The latest snapshot of each breaker of each instance, from its reports and events. */
export const breakers = pgTable(
  "breakers",
  {
    service: text("service")
      .notNull()
      .references(() => services.name),
    instance: text("instance").notNull(),
    name: text("name").notNull(),
    state: text("state", { enum: breakerStateValues }).notNull(),
    stateSince: timestamp("state_since", { withTimezone: true }).notNull(),
    failures: integer("failures"),
    successes: integer("successes"),
    rejects: integer("rejects"),
    timeouts: integer("timeouts"),
    fallbacks: integer("fallbacks"),
    failureRate: real("failure_rate"),
    callsPerSecond: real("calls_per_second"),
    rejectsPerSecond: real("rejects_per_second"),
    latencyP50: real("latency_p50"),
    latencyP95: real("latency_p95"),
    latencyP99: real("latency_p99"),
    config: jsonb("config").$type<Record<string, unknown>>(),
    /** Totals of the counting events posted to /api/v1/breakers/events, kept as counters rather than rows. */
    eventFailures: bigint("event_failures", { mode: "number" }).notNull().default(0),
    eventSuccesses: bigint("event_successes", { mode: "number" }).notNull().default(0),
    eventRejects: bigint("event_rejects", { mode: "number" }).notNull().default(0),
    eventTimeouts: bigint("event_timeouts", { mode: "number" }).notNull().default(0),
    eventFallbacks: bigint("event_fallbacks", { mode: "number" }).notNull().default(0),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.service, t.instance, t.name] }), index("breakers_service_name_idx").on(t.service, t.name)],
);

export const breakerOverrideValues = ["forced_open", "forced_closed"] as const;

/** An operator's force on a breaker across a service's instances; removed when cleared or expired. */
export const breakerOverrides = pgTable(
  "breaker_overrides",
  {
    service: text("service")
      .notNull()
      .references(() => services.name),
    breaker: text("breaker").notNull(),
    override: text("override", { enum: breakerOverrideValues }).notNull(),
    reason: text("reason").notNull(),
    setBy: text("set_by").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.service, t.breaker] }), index("breaker_overrides_expires_at_idx").on(t.expiresAt)],
);

export const transitionSources = ["report", "event", "override", "expiry"] as const;

/** The durable history of breaker state changes and of the overrides set on them. */
export const breakerTransitions = pgTable(
  "breaker_transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    service: text("service").notNull(),
    /** Null for an override, which applies to every instance. */
    instance: text("instance"),
    breaker: text("breaker").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    source: text("source", { enum: transitionSources }).notNull(),
    actor: text("actor"),
  },
  (t) => [index("breaker_transitions_breaker_idx").on(t.service, t.breaker, t.at), index("breaker_transitions_at_idx").on(t.at)],
);

/**
 * Per instance and minute, the failures and successes its reports saw, for the error-rate
 * sparkline. One row per instance rather than per breaker, so concurrent reports never wait on
 * one another's row lock.
 */
export const breakerMinutes = pgTable(
  "breaker_minutes",
  {
    service: text("service").notNull(),
    breaker: text("breaker").notNull(),
    instance: text("instance").notNull(),
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    failures: bigint("failures", { mode: "number" }).notNull().default(0),
    successes: bigint("successes", { mode: "number" }).notNull().default(0),
    rejects: bigint("rejects", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.service, t.breaker, t.instance, t.minute] }), index("breaker_minutes_minute_idx").on(t.minute)],
);
