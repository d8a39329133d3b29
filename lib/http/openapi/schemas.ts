import { z } from "zod";
import { roles } from "@/lib/domain/access/roles";

// Shapes of answers, for the document only: requests are described by the schemas the verbs parse.

const time = z.iso.datetime({ offset: true });

export const errorBody = z
  .object({ error: z.string(), message: z.string() })
  .meta({ id: "Error", description: "A refusal; never a stack trace or SQL text." });

export const validationErrorBody = z
  .object({ error: z.literal("validation"), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })) })
  .meta({ id: "ValidationError" });

export const controlDocument = z
  .object({
    service: z.string(),
    revision: z.number().int(),
    mode: z.object({
      desired: z.string(),
      source: z.enum(["automatic", "manual"]),
      reason: z.string().nullable(),
      setBy: z.string().nullable(),
      expiresAt: time.nullable(),
    }),
    breakers: z.record(z.string(), z.object({ override: z.enum(["forced_open", "forced_closed"]), reason: z.string(), expiresAt: time.nullable() })),
    config: z.record(z.string(), z.object({ version: z.number().int() })),
  })
  .meta({ id: "ControlDocument", description: "The desired state a service's instances follow." });

const instance = z.looseObject({
  instance: z.string(),
  environment: z.string(),
  health: z.string(),
  checks: z.record(z.string(), z.string()),
  mode: z.string().nullable(),
  configVersion: z.number().int().nullable(),
  queueDepth: z.number().int().nullable(),
  lastSeen: time,
  stale: z.boolean(),
});

export const servicesPage = z
  .object({
    services: z.array(
      z.looseObject({ name: z.string(), firstSeen: time, lastSeen: time, health: z.string(), instances: z.array(instance) }),
    ),
  })
  .meta({ id: "Services" });

export const auditEvent = z
  .object({
    id: z.number().int(),
    at: time,
    actor: z.string(),
    role: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.enum(["ok", "denied"]),
    count: z.number().int().min(1).meta({ description: "Attempts the event stands for: refusals of one caller, address and action in a minute fold into one event." }),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    tokenId: z.string().nullable().meta({ description: "The personal token the person acted with (its id); null with a session and for other callers." }),
    tokenName: z.string().nullable().meta({ description: "That token's name, kept after it is revoked." }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });

export const auditPage = z
  .object({ events: z.array(auditEvent), nextBefore: z.number().int().nullable().meta({ description: "Pass as `before` for the next page." }) })
  .meta({ id: "AuditPage" });

export const chainReport = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    head: z.string().nullable(),
    firstBadId: z.number().int().nullable(),
    next: z.number().int().nullable().optional().meta({ description: "With `full=true`: pass as `after` to verify the next stretch; null at the head." }),
    anchor: z
      .object({ auditId: z.number().int(), hash: z.string(), count: z.number().int(), verifiedAt: time })
      .nullable()
      .meta({ description: "The newest checkpoint, written as the chain is verified (at least every `AUDIT_ANCHOR_SECONDS`) where the console's runtime role may only add rows: the chain must still reach it with this hash." }),
  })
  .meta({ id: "ChainReport" });

const user = z.object({ id: z.string(), email: z.string(), role: z.enum(roles), disabled: z.boolean(), createdAt: time });

export const usersPage = z.object({ users: z.array(user) }).meta({ id: "Users" });

export const createdUser = z.object({
  email: z.string(),
  role: z.enum(roles),
  password: z.string().meta({ description: "Shown once." }),
});

export const updatedUser = z.object({ email: z.string(), role: z.enum(roles), disabled: z.boolean() });

const token = z.object({
  name: z.string(),
  kind: z.enum(["service", "personal"]),
  service: z.string().nullable(),
  user: z.string().nullable(),
  createdBy: z.string(),
  createdAt: time,
  lastUsedAt: time.nullable(),
});

export const tokensPage = z.object({ tokens: z.array(token) }).meta({ id: "Tokens" });

export const createdToken = z.object({
  name: z.string(),
  service: z.string().nullable(),
  user: z.string().nullable(),
  token: z.string().meta({ description: "Shown once; only its hash is stored." }),
});

export const revokedToken = z.object({ name: z.string() });

export const acceptedEvents = z.object({ accepted: z.number().int() });

const latency = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() });

/** What a breaker's card and its service's page both show of it. */
const breakerFigures = {
  state: z.string(),
  stateCounts: z.record(z.string(), z.number().int()),
  failureRate: z.number(),
  callsPerSecond: z.number(),
  rejectsPerSecond: z.number(),
  latencyMs: latency,
  override: z.looseObject({ override: z.string(), reason: z.string(), setBy: z.string(), expiresAt: time.nullable() }).nullable(),
  lastTransitionAt: time.nullable(),
  sparkline: z.array(z.object({ at: time, errorRate: z.number().nullable() })),
};

export const serviceBreakers = z
  .object({
    service: z.string(),
    breakers: z.array(
      z.looseObject({
        breaker: z.string(),
        ...breakerFigures,
        instances: z.array(z.looseObject({ instance: z.string(), state: z.string(), stale: z.boolean() })),
        transitions: z.array(
          z.object({
            id: z.number().int(),
            service: z.string(),
            instance: z.string().nullable(),
            breaker: z.string(),
            from: z.string().nullable(),
            to: z.string(),
            at: time,
            source: z.enum(["report", "event", "override", "expiry"]),
            actor: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ServiceBreakers" });

export const breakerCards = z
  .object({
    breakers: z.array(
      z.looseObject({
        service: z.string(),
        breaker: z.string(),
        ...breakerFigures,
        liveInstances: z.number().int(),
        staleInstances: z.number().int(),
      }),
    ),
  })
  .meta({ id: "BreakerCards" });

/** How far the last change reached: of the live instances, how many reported applying it, and which have not (the first 20). */
const delivery = z
  .object({
    target: z.number().int(),
    changedAt: time,
    live: z.number().int(),
    reached: z.number().int(),
    lastAfterMs: z.number().nullable(),
    pending: z.array(z.string()),
    pendingCount: z.number().int(),
  })
  .meta({ id: "Delivery" });

export const serviceModes = z
  .object({
    services: z.array(
      z.object({
        service: z.string(),
        revision: z.number().int(),
        declaredModes: z.array(z.string()),
        desired: z.object({
          mode: z.string(),
          source: z.enum(["manual", "automatic"]),
          reason: z.string().nullable(),
          setBy: z.string().nullable(),
          setAt: time.nullable(),
          expiresAt: time.nullable(),
        }),
        automaticMode: z.string(),
        convergence: z.object({
          desired: z.string(),
          live: z.number().int(),
          converged: z.number().int(),
          laggards: z.array(z.object({ instance: z.string(), mode: z.string().nullable(), automaticMode: z.string().nullable(), lastSeen: time })),
        }),
        queueDepth: z.object({ total: z.number(), instances: z.array(z.object({ instance: z.string(), depth: z.number() })) }).nullable(),
        delivery: delivery.nullable(),
        history: z.array(
          z.object({
            id: z.number().int(),
            service: z.string(),
            from: z.string().nullable(),
            to: z.string(),
            source: z.enum(["manual", "automatic", "expiry"]),
            reason: z.string().nullable(),
            actor: z.string().nullable(),
            at: time,
            expiresAt: time.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ServiceModes" });
