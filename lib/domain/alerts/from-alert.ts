import { eq } from "drizzle-orm";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { Unprocessable } from "../errors";
import { alertChanged } from "./alert-view";
import { recordTimeline } from "./timeline";

export interface ActionFromAlert {
  alertId?: number;
  service: string;
  /** What the action did, as the alert's timeline says it: "mode flipped to local_queue". */
  summary: string;
  action: string;
  actor: string;
  reason: string;
}

/**
 * An action sent from an alert goes on that alert's timeline, in the action's transaction. The
 * alert must be one of the service's (or carry no service), so a timeline never tells of another
 * service's fix. Returns the alert's live event.
 */
export async function recordActionOnAlert(tx: Db, action: ActionFromAlert): Promise<LiveEvent[]> {
  if (action.alertId === undefined) return [];
  const [alert] = await tx.select({ service: alerts.service }).from(alerts).where(eq(alerts.id, action.alertId));
  if (!alert) throw new Unprocessable(`There is no alert ${action.alertId}.`, [{ path: "alertId", message: "no such alert" }]);
  if (alert.service !== null && alert.service !== action.service) {
    throw new Unprocessable(`The alert ${action.alertId} is about ${alert.service}, not ${action.service}.`, [{ path: "alertId", message: `an alert of ${action.service}` }]);
  }
  await recordTimeline(tx, [{ alertId: action.alertId, kind: "action", actor: action.actor, note: action.reason, detail: { action: action.action, summary: action.summary } }]);
  return alertChanged([action.alertId]);
}

/** The audit `after` of an action, naming the alert it was sent from. */
export function withAlert<T>(after: T, alertId: number | undefined): T | (T & { alertId: number }) | { alertId: number } {
  if (alertId === undefined) return after;
  return after === null || typeof after !== "object" ? { alertId } : { ...after, alertId };
}
