import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { defineMutation } from "../mutation";
import { jobOnAlert } from "./alert-input";
import { alertChanged } from "./alert-view";
import { queueEscalation } from "./notifications";
import { recordTimeline } from "./timeline";

const unacknowledgedTooLong = and(
  eq(alerts.state, "firing"),
  isNull(alerts.escalatedAt),
  lte(alerts.escalateAt, sql`now()`),
  sql`cardinality(${alerts.silencedBy}) = 0`,
);

/**
 * An alert nobody acknowledged within its route's escalation delay notifies the escalation
 * receiver, once per firing spell. Run by the alerts job as the system.
 */
export const escalateAlert = defineMutation({
  action: "alert.escalate",
  ...jobOnAlert,
  async run(tx, { id }) {
    const [alert] = await tx
      .update(alerts)
      .set({ escalatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(alerts.id, id), unacknowledgedTooLong))
      .returning();
    if (!alert) return { result: false, audit: null, events: [] };
    const receiver = alert.policy.escalation?.receiver ?? null;
    const channel = await queueEscalation(tx, alert);
    await recordTimeline(tx, [{ alertId: id, kind: "escalated", detail: { receiver, channel, afterSeconds: alert.policy.escalation?.afterSeconds ?? null } }]);
    return { result: true, audit: { after: { receiver, channel } }, events: alertChanged([id]) };
  },
});

export async function dueEscalations(db: Db, limit = 100): Promise<number[]> {
  const rows = await db.select({ id: alerts.id }).from(alerts).where(unacknowledgedTooLong).limit(limit);
  return rows.map((r) => r.id);
}
