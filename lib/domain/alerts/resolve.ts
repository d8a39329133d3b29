import { and, eq, ne, sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import { actorName } from "../context";
import { NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { resolveAlertInput } from "./alert-input";
import { alertChanged, alertView } from "./alert-view";
import { loadAlert, lockAlerts } from "./load-alert";
import { closeEmptyGroups, queueFollowUps } from "./notifications";
import { recordTimeline } from "./timeline";

/** A person closes an alert; the channels that heard of it hear it is resolved. Resolving twice is harmless. */
export const resolveAlert = defineMutation({
  action: "alert.resolve",
  permit: "responder",
  input: resolveAlertInput,
  target: (i) => `alert:${i.id}`,
  async run(tx, input, ctx) {
    const [before] = await lockAlerts(tx, [input.id]);
    if (!before) throw new NotFound(`The alert ${input.id}`);
    const resolved = await tx
      .update(alerts)
      .set({
        state: "resolved",
        resolvedBy: actorName(ctx.actor),
        endsAt: sql`now()`,
        updatedAt: sql`now()`,
        ackExpiresAt: null,
        escalateAt: null,
        repeatAt: null,
      })
      .where(and(eq(alerts.id, input.id), ne(alerts.state, "resolved")))
      .returning({ id: alerts.id });
    const ids = resolved.map((r) => r.id);
    await recordTimeline(tx, ids.map((alertId) => ({ alertId, kind: "resolved", actor: actorName(ctx.actor), note: input.note ?? null })));
    await queueFollowUps(tx, ids, "resolve");
    await closeEmptyGroups(tx, ids);
    return {
      result: alertView(await loadAlert(tx, input.id)),
      audit: ids.length > 0 ? { before: { status: before.status }, after: { status: "resolved" }, reason: input.note ?? null } : null,
      events: alertChanged(ids),
    };
  },
});
