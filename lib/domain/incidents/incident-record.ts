import type { Db } from "@/lib/db/client";
import { incidentDetail, type IncidentDetail } from "./incident-detail";
import type { IncidentEntry } from "./incident-timeline";

const decisionKinds = new Set(["mode", "override", "config"]);

/**
 * The post-incident record: a summary, the timeline, the actions people took, and the audit id and
 * hash of every audited entry, so `/api/v1/audit/verify` vouches for it whoever passes it on.
 */
export async function incidentRecord(db: Db, id: number, now = new Date()) {
  const incident = await incidentDetail(db, id);
  return recordOf(incident, now);
}

function recordOf(incident: IncidentDetail, now: Date) {
  const opened = Date.parse(incident.openedAt);
  const end = incident.resolvedAt ? Date.parse(incident.resolvedAt) : now.getTime();
  const firstAck = incident.timeline.find((e) => e.kind === "ack")?.at ?? null;
  const actions = incident.timeline.filter((e): e is IncidentEntry & { auditId: number } => decisionKinds.has(e.kind) && e.auditId !== null);
  return {
    summary: {
      id: incident.id,
      title: incident.title,
      status: incident.status,
      services: incident.services,
      severity: incident.severity,
      openedAt: incident.openedAt,
      resolvedAt: incident.resolvedAt,
      durationSeconds: Math.max(0, Math.round((end - opened) / 1000)),
      firstAcknowledgedAt: firstAck,
      timeToFirstAckSeconds: firstAck ? Math.max(0, Math.round((Date.parse(firstAck) - opened) / 1000)) : null,
      alerts: incident.alerts,
    },
    timeline: incident.timeline,
    actions: actions.map(({ at, kind, summary, actor, reason, alertId, auditId, auditHash }) => ({ at, kind, summary, actor, reason, alertId, auditId, auditHash })),
    audit: {
      verify: "/api/v1/audit/verify",
      entries: incident.timeline.filter((e) => e.auditId !== null).map((e) => ({ auditId: e.auditId!, hash: e.auditHash! })),
    },
    generatedAt: now.toISOString(),
  };
}

export type IncidentRecord = ReturnType<typeof recordOf>;
