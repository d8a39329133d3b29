import "server-only";
import type { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { publish, type LiveEvent } from "@/lib/live/events";
import { appendAudit, type AuditEntry } from "./audit/append";
import { recordRefusal } from "./audit/refusal";
import { can } from "./access/can";
import type { Role } from "./access/roles";
import type { Ctx } from "./context";
import { Forbidden, Unauthenticated, ValidationError } from "./errors";
import { issuesOf } from "./validation";

export interface Change<O> {
  result: O;
  /**
   * The audit event of the change; `null` only for telemetry that records no decision of anyone's.
   * `action` names it when a verb's outcome is another decision (a publish held as a change request).
   */
  audit: (Omit<AuditEntry, "action" | "outcome"> & { action?: string }) | null;
  events: LiveEvent[];
}

/** What every verb declares, batched or not: who may call it, its input, and what it is about. */
export interface VerbSpec<S extends z.ZodType> {
  action: string;
  permit: Permit;
  input: S;
  target: (input: z.output<S>) => string | null;
  /** For service callers: the service the input concerns, checked against the token's scope. */
  service?: (input: z.output<S>) => string;
  /** For a `service` verb: the least role of a person who may call it too; admin unless given. */
  people?: Role;
}

export interface MutationSpec<S extends z.ZodType, O> extends VerbSpec<S> {
  run: (tx: Db, input: z.output<S>, ctx: Ctx) => Promise<Change<O>>;
}

/** A least role; `service` for a service token of the service (and people from `people` up); `system` for what only the console's own jobs do. */
export type Permit = Role | "service" | "system";

declare const inputType: unique symbol;

/** `I` is the input as a typed caller (a server action) writes it; the verb still parses whatever it is given. */
export interface Verb<O, I = unknown> {
  (ctx: Ctx, raw: unknown, database?: Db): Promise<O>;
  action: string;
  permit: Permit;
  people?: Role;
  /** Never set: it only carries `I`. */
  readonly [inputType]?: I;
}

export type VerbInput<V> = V extends Verb<unknown, infer I> ? I : never;

/**
 * The one write path: role check, zod parse, then one transaction holding the change, its audit
 * event and the live notification. Refusals are audited folded, per burst (`audit/refusal.ts`).
 */
export function defineMutation<S extends z.ZodType, O>(spec: MutationSpec<S, O>): Verb<O, z.input<S>> {
  return asVerb(spec, async (ctx, raw, database = defaultDb()) => {
    const input = await admit(database, ctx, spec, raw);
    return database.transaction(async (tx) => {
      const change = await spec.run(tx, input, ctx);
      const events = [...change.events];
      if (change.audit) {
        const target = change.audit.target ?? spec.target(input);
        const { id } = await appendAudit(tx, ctx, { ...change.audit, action: change.audit.action ?? spec.action, target });
        events.push({ topic: "audit", id: String(id) });
      }
      await publish(tx, events);
      return change.result;
    });
  });
}

/**
 * The head of every verb: the role check (refusals audited, with the target when the input names
 * one), then the zod parse; returns the parsed input.
 */
export async function admit<S extends z.ZodType>(database: Db, ctx: Ctx, spec: VerbSpec<S>, raw: unknown): Promise<z.output<S>> {
  const parsed = spec.input.safeParse(raw);
  const input = parsed.success ? parsed.data : undefined;
  await checkPermit(database, ctx, spec, {
    target: input === undefined ? null : spec.target(input),
    service: input === undefined || !spec.service ? null : spec.service(input),
  });
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return parsed.data;
}

/** The verb's function, carrying its spec's permit for routes, pages and OpenAPI to read. */
export function asVerb<S extends z.ZodType, O>(spec: VerbSpec<S>, verb: (ctx: Ctx, raw: unknown, database?: Db) => Promise<O>): Verb<O, z.input<S>> {
  return Object.assign(verb, { action: spec.action, permit: spec.permit, people: spec.people });
}

/**
 * Lets the actor through or audits the refusal and throws. `service` is the service the request
 * concerns, when known, for checking a service token's scope.
 */
export async function checkPermit(
  database: Db,
  ctx: Ctx,
  rule: { action: string; permit: Permit; people?: Role },
  about: { target: string | null; service: string | null },
): Promise<void> {
  const { actor } = ctx;
  if (actor.kind === "system") return;
  if (actor.kind === "anonymous") {
    await refuse(database, ctx, rule.action, about.target, "no credentials");
    throw new Unauthenticated();
  }
  if (actor.kind === "user" && can(actor.role, rule)) return;
  if (rule.permit === "system") {
    await refuse(database, ctx, rule.action, about.target, "only the console's own jobs");
    throw new Forbidden("Only the console itself does this.");
  }
  if (rule.permit === "service") {
    if (actor.kind === "service" && (actor.scope === "*" || about.service === null || actor.scope === about.service)) return;
    await refuse(database, ctx, rule.action, about.target, actor.kind === "service" ? `token scoped to ${actor.scope}` : "not a service token");
    throw new Forbidden(actor.kind === "service" ? `This token is scoped to ${actor.scope}.` : "Only service tokens may call this.");
  }
  await refuse(database, ctx, rule.action, about.target, `needs ${rule.permit}`);
  throw new Forbidden(`This needs the ${rule.permit} role.`);
}

function refuse(database: Db, ctx: Ctx, action: string, target: string | null, reason: string): Promise<void> {
  return recordRefusal(database, ctx, { action, target, reason });
}
