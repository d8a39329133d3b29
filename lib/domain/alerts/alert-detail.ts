import { asc, eq, inArray } from "drizzle-orm";
import { alertEvents, channels, deliveries, deliveryAttempts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { alertView } from "./alert-view";
import { loadAlert } from "./load-alert";

/**
 * One alert with its routes, its timeline and the delivery log: every notification and each attempt
 * at it. Read in one snapshot, so a delivery recorded meanwhile shows on the timeline and in the log
 * together or in neither. What receivers answered (errors, response bodies) only reaches admins,
 * who chose the endpoints: to anyone else a receiver is a way to read what it answers.
 */
export function alertDetail(db: Db, id: number, reader: { seesResponses: boolean }) {
  return db.transaction((tx) => readDetail(tx, id, reader.seesResponses), { isolationLevel: "repeatable read", accessMode: "read only" });
}

async function readDetail(db: Db, id: number, seesResponses: boolean) {
  const row = await loadAlert(db, id);
  const timeline = await db
    .select({ id: alertEvents.id, kind: alertEvents.kind, at: alertEvents.at, actor: alertEvents.actor, note: alertEvents.note, detail: alertEvents.detail })
    .from(alertEvents)
    .where(eq(alertEvents.alertId, id))
    .orderBy(asc(alertEvents.id));
  const sent = await db
    .select({
      id: deliveries.id,
      event: deliveries.event,
      status: deliveries.status,
      dueAt: deliveries.dueAt,
      sentAt: deliveries.sentAt,
      lastError: deliveries.lastError,
      createdAt: deliveries.createdAt,
      channel: { id: channels.id, name: channels.name, type: channels.type },
    })
    .from(deliveries)
    .innerJoin(channels, eq(channels.id, deliveries.channelId))
    .where(eq(deliveries.alertId, id))
    .orderBy(asc(deliveries.id));
  const attempts =
    sent.length === 0
      ? []
      : await db
          .select()
          .from(deliveryAttempts)
          .where(
            inArray(
              deliveryAttempts.deliveryId,
              sent.map((d) => d.id),
            ),
          )
          .orderBy(asc(deliveryAttempts.id));
  return {
    ...alertView(row),
    routes: row.policy.routes.map((r) => ({ path: r.path, receiver: r.receiver, groupKey: r.groupKey })),
    escalation: row.policy.escalation,
    ackTimeoutSeconds: row.policy.ackTimeoutSeconds,
    timeline,
    deliveries: sent.map((d) => ({
      ...d,
      lastError: seesResponses ? d.lastError : null,
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map(({ at, ok, statusCode, error, durationMs }) => ({ at, ok, statusCode, error: seesResponses ? error : null, durationMs })),
    })),
  };
}
