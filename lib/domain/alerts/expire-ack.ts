import { and, eq, lte, sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { defineMutation } from "../mutation";
import { jobOnAlert } from "./alert-input";
import { alertChanged } from "./alert-view";
import { queueTriggers } from "./notifications";
import { recordTimeline } from "./timeline";

/**
 * An acknowledgement that outlived the route's ack timeout while the alert still fires: the alert
 * fires again and notifies afresh, and its escalation clock restarts. Run by the alerts job as the
 * system; the state check in the update lets only one process do it.
 */
export const expireAck = defineMutation({
  action: "alert.ack.expire",
  ...jobOnAlert,
  async run(tx, { id }) {
    const [alert] = await tx
      .update(alerts)
      .set({
        state: "firing",
        acknowledgedBy: null,
        acknowledgedAt: null,
        ackExpiresAt: null,
        cycle: sql`${alerts.cycle} + 1`,
        escalatedAt: null,
        escalateAt: sql`now() + make_interval(secs => (${alerts.policy}->'escalation'->>'afterSeconds')::int)`,
        repeatAt: sql`now() + make_interval(secs => (${alerts.policy}->>'repeatIntervalSeconds')::int)`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(alerts.id, id), eq(alerts.state, "acknowledged"), lte(alerts.ackExpiresAt, sql`now()`)))
      .returning();
    if (!alert) return { result: false, audit: null, events: [] };
    await recordTimeline(tx, [{ alertId: id, kind: "ack_expired" }]);
    if (alert.silencedBy.length === 0) await queueTriggers(tx, [alert], "now");
    return { result: true, audit: { after: { status: alert.status }, reason: "the acknowledgement timed out" }, events: alertChanged([id]) };
  },
});

export async function expiredAcks(db: Db, limit = 100): Promise<number[]> {
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.state, "acknowledged"), lte(alerts.ackExpiresAt, sql`now()`)))
    .limit(limit);
  return rows.map((r) => r.id);
}
