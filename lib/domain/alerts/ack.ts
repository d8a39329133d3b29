import { and, eq, inArray, sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName, type Ctx } from "../context";
import { defineMutation } from "../mutation";
import { ackAlertInput, ackAlertsInput } from "./alert-input";
import { alertChanged, alertView } from "./alert-view";
import { loadAlert, lockAlerts } from "./load-alert";
import { queueFollowUps } from "./notifications";
import { recordTimeline } from "./timeline";

/**
 * Takes firing alerts: who has them goes on the timeline, PagerDuty and webhooks hear of it, and
 * the acknowledgement lapses after the route's ack timeout. Acknowledged or resolved ones are left
 * as they are, so acknowledging twice is harmless.
 */
async function acknowledge(tx: Db, ids: number[], note: string | undefined, ctx: Ctx): Promise<number[]> {
  await lockAlerts(tx, ids);
  const acked = await tx
    .update(alerts)
    .set({
      state: "acknowledged",
      acknowledgedBy: actorName(ctx.actor),
      acknowledgedAt: sql`now()`,
      ackExpiresAt: sql`now() + make_interval(secs => (${alerts.policy}->>'ackTimeoutSeconds')::int)`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(alerts.id, ids), eq(alerts.state, "firing")))
    .returning({ id: alerts.id });
  const ackedIds = acked.map((a) => a.id).sort((a, b) => a - b);
  await recordTimeline(tx, ackedIds.map((alertId) => ({ alertId, kind: "acked", actor: actorName(ctx.actor), note: note ?? null })));
  await queueFollowUps(tx, ackedIds, "acknowledge");
  return ackedIds;
}

export const ackAlert = defineMutation({
  action: "alert.ack",
  permit: "responder",
  input: ackAlertInput,
  target: (i) => `alert:${i.id}`,
  async run(tx, input, ctx) {
    const before = await loadAlert(tx, input.id);
    const acked = await acknowledge(tx, [input.id], input.note, ctx);
    return {
      result: alertView(await loadAlert(tx, input.id)),
      audit: acked.length > 0 ? { before: { status: before.status }, after: { status: "acknowledged" }, reason: input.note ?? null } : null,
      events: alertChanged(acked),
    };
  },
});

export const ackAlerts = defineMutation({
  action: "alert.ack",
  permit: "responder",
  input: ackAlertsInput,
  target: (i) => `alert:${[...new Set(i.ids)].join(",")}`.slice(0, 300),
  async run(tx, input, ctx) {
    const acked = await acknowledge(tx, [...new Set(input.ids)], input.note, ctx);
    return {
      result: { acknowledged: acked.length },
      audit: acked.length > 0 ? { after: { acknowledged: acked }, reason: input.note ?? null } : null,
      events: alertChanged(acked),
    };
  },
});
