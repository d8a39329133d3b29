import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { alerts, deliveries } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { lockAlerts } from "../alerts/load-alert";
import { cancelUnsent, queueTriggers } from "../alerts/notifications";
import { recordTimeline, type TimelineEntry } from "../alerts/timeline";
import { activeSilences, silencing } from "./active-silences";

/**
 * Serialises silence changes against intake (which holds the lock shared while it opens alerts),
 * so an alert arriving while a silence starts is seen by one or the other.
 */
export async function lockSilences(tx: Db, mode: "shared" | "exclusive"): Promise<void> {
  await tx.execute(
    mode === "shared"
      ? sql`select pg_advisory_xact_lock_shared(hashtext('breakwater.silences'))`
      : sql`select pg_advisory_xact_lock(hashtext('breakwater.silences'))`,
  );
}

/**
 * Recomputes which silences cover each open alert after silences changed. An alert that becomes
 * silenced drops its unsent notifications; one whose silences all ended notifies if it never did,
 * and its escalation clock starts. Returns the alerts that changed.
 */
export async function applySilences(tx: Db): Promise<number[]> {
  await lockSilences(tx, "exclusive");
  const active = await activeSilences(tx);
  const open = await tx.select({ id: alerts.id, labels: alerts.labels, silencedBy: alerts.silencedBy }).from(alerts).where(ne(alerts.state, "resolved"));
  const changes = open
    .map((a) => ({ id: a.id, before: [...a.silencedBy].sort(), after: silencing(active, a.labels) }))
    .filter((c) => c.before.join() !== c.after.join());
  if (changes.length === 0) return [];
  await lockAlerts(tx, changes.map((c) => c.id));
  await tx.execute(sql`
    update ${alerts} a set silenced_by = x.silenced_by, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(changes.map((c) => ({ id: c.id, silenced_by: c.after })))}::jsonb) as x(id bigint, silenced_by uuid[])
    where a.id = x.id`);
  const silenced = changes.filter((c) => c.before.length === 0).map((c) => c.id);
  const lifted = changes.filter((c) => c.after.length === 0).map((c) => c.id);
  await recordTimeline(tx, [
    ...silenced.map((alertId): TimelineEntry => ({ alertId, kind: "silenced", detail: { silences: changes.find((c) => c.id === alertId)!.after } })),
    ...lifted.map((alertId): TimelineEntry => ({ alertId, kind: "unsilenced" })),
  ]);
  await cancelUnsent(tx, silenced);
  await resume(tx, lifted);
  return changes.map((c) => c.id);
}

/** Firing alerts out of their silence: the escalation clock starts, and any never notified notifies now. */
async function resume(tx: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const firing = and(inArray(alerts.id, ids), eq(alerts.state, "firing"));
  await tx
    .update(alerts)
    .set({
      escalateAt: sql`now() + make_interval(secs => (${alerts.policy}->'escalation'->>'afterSeconds')::int)`,
      repeatAt: sql`coalesce(${alerts.repeatAt}, now() + make_interval(secs => (${alerts.policy}->>'repeatIntervalSeconds')::int))`,
    })
    .where(and(firing, isNull(alerts.escalatedAt)));
  const notified = await tx
    .selectDistinct({ id: deliveries.alertId })
    .from(deliveries)
    .where(and(inArray(deliveries.alertId, ids), inArray(deliveries.event, ["trigger", "repeat"]), ne(deliveries.status, "cancelled")));
  const told = new Set(notified.map((n) => n.id));
  const untold = ids.filter((id) => !told.has(id));
  if (untold.length === 0) return;
  const renewed = await tx
    .update(alerts)
    .set({ cycle: sql`${alerts.cycle} + 1` })
    .where(and(firing, inArray(alerts.id, untold)))
    .returning({ id: alerts.id, cycle: alerts.cycle, repeats: alerts.repeats, policy: alerts.policy });
  await queueTriggers(tx, renewed);
}
