import { and, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { breakerOverrides, breakers, breakerTransitions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { controlDocument } from "../control/document";
import { bumpRevision, lockControl } from "../control/revision";
import { NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { serviceName } from "../services/report-schema";
import { breakerName, setOverrideInput } from "./inputs";
import { changeEvents } from "../control/change-events";
import { recordActionOnAlert, withAlert } from "../alerts/from-alert";
import { overrideSummary } from "./override-summary";

/** Forces a breaker open or closed on every instance of a service, or clears the force (`none`). */
export const setBreakerOverride = defineMutation({
  action: "breaker.override",
  permit: "operator",
  input: setOverrideInput,
  target: (i) => `breaker:${i.service}/${i.breaker}`,
  async run(tx, input, ctx) {
    await lockControl(tx, input.service, input.expectedRevision);
    const prior = await currentOverride(tx, input.service, input.breaker);
    if (!prior && !(await isKnown(tx, input.service, input.breaker))) throw new NotFound(`The breaker ${input.breaker} of ${input.service}`);
    const actor = actorName(ctx.actor);
    const after =
      input.override === "none"
        ? null
        : { override: input.override, reason: input.reason, setBy: actor, setAt: new Date(), expiresAt: input.expiresAt ? new Date(input.expiresAt) : null };
    if (after) {
      await tx
        .insert(breakerOverrides)
        .values({ service: input.service, breaker: input.breaker, ...after })
        .onConflictDoUpdate({ target: [breakerOverrides.service, breakerOverrides.breaker], set: after });
    } else if (prior) {
      await tx.delete(breakerOverrides).where(and(eq(breakerOverrides.service, input.service), eq(breakerOverrides.breaker, input.breaker)));
    }
    const changed = after !== null || prior !== null;
    if (changed) {
      await tx.insert(breakerTransitions).values({
        service: input.service,
        instance: null,
        breaker: input.breaker,
        fromState: prior?.override ?? "none",
        toState: input.override,
        at: new Date(),
        source: "override",
        actor,
      });
      await bumpRevision(tx, input.service);
    }
    const summary = overrideSummary(input.breaker, input.override);
    const fromAlert = await recordActionOnAlert(tx, { ...input, summary, action: "breaker.override", actor });
    return {
      result: await controlDocument(tx, input.service),
      audit: { before: prior, after: withAlert(after, input.alertId), reason: input.reason },
      events: [...(changed ? changeEvents("breaker", input.service) : []), ...fromAlert],
    };
  },
});

/**
 * Clears an override whose expiry has passed. Run by the expiry job as the system; checked again
 * under the service's control lock, so when several processes race only one clears and audits it.
 */
export const expireBreakerOverride = defineMutation({
  action: "breaker.override.expire",
  permit: "system",
  input: z.object({ service: serviceName, breaker: breakerName }),
  target: (i) => `breaker:${i.service}/${i.breaker}`,
  async run(tx, input) {
    await lockControl(tx, input.service);
    const [expired] = await tx
      .delete(breakerOverrides)
      .where(and(eq(breakerOverrides.service, input.service), eq(breakerOverrides.breaker, input.breaker), lte(breakerOverrides.expiresAt, sql`now()`)))
      .returning();
    if (!expired) return { result: null, audit: null, events: [] };
    await tx.insert(breakerTransitions).values({
      service: input.service,
      instance: null,
      breaker: input.breaker,
      fromState: expired.override,
      toState: "none",
      at: new Date(),
      source: "expiry",
      actor: "system",
    });
    await bumpRevision(tx, input.service);
    return {
      result: await controlDocument(tx, input.service),
      audit: { before: expired, after: null, reason: "expired" },
      events: changeEvents("breaker", input.service),
    };
  },
});

/** Overrides whose expiry has passed. */
export function expiredOverrides(db: Db, limit = 100): Promise<{ service: string; breaker: string }[]> {
  return db
    .select({ service: breakerOverrides.service, breaker: breakerOverrides.breaker })
    .from(breakerOverrides)
    .where(lte(breakerOverrides.expiresAt, sql`now()`))
    .limit(limit);
}

async function currentOverride(tx: Db, service: string, breaker: string) {
  const [row] = await tx
    .select({ override: breakerOverrides.override, reason: breakerOverrides.reason, setBy: breakerOverrides.setBy, expiresAt: breakerOverrides.expiresAt })
    .from(breakerOverrides)
    .where(and(eq(breakerOverrides.service, service), eq(breakerOverrides.breaker, breaker)));
  return row ?? null;
}

async function isKnown(tx: Db, service: string, breaker: string): Promise<boolean> {
  const [row] = await tx
    .select({ name: breakers.name })
    .from(breakers)
    .where(and(eq(breakers.service, service), eq(breakers.name, breaker)))
    .limit(1);
  return row !== undefined;
}
