import type { alerts } from "@/drizzle/schema";
import type { LiveEvent } from "@/lib/live/events";

export type AlertRow = typeof alerts.$inferSelect;

/** An alert as the API shows it. */
export function alertView(row: AlertRow) {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    status: row.status,
    severity: row.severity,
    labels: row.labels,
    annotations: row.annotations,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    updatedAt: row.updatedAt,
    createdAt: row.createdAt,
    generatorURL: row.generatorUrl,
    source: row.source,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt,
    ackExpiresAt: row.ackExpiresAt,
    resolvedBy: row.resolvedBy,
    silencedBy: row.silencedBy,
    escalatedAt: row.escalatedAt,
  };
}

export type AlertView = ReturnType<typeof alertView>;

export function alertChanged(ids: Iterable<number>): LiveEvent[] {
  return [...new Set(ids)].map((id) => ({ topic: "alert", id: String(id) }));
}
