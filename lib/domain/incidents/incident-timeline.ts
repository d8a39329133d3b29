import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { serviceChanges, type Attributed, type ChangeKind } from "../changes/service-changes";
import { SUSPECT_WINDOW_MS } from "../alerts/suggested-actions";
import type { IncidentRow } from "./list-incidents";

export type TimelineKind = "alert" | "ack" | "resolve" | ChangeKind | "note";

/** One entry of an incident's story. */
export interface IncidentEntry extends Attributed {
  kind: TimelineKind;
}

type AlertEventRow = { at: Date | string; kind: string; actor: string | null; note: string | null; alert_id: string; name: string | null; severity: string };
type NoteRow = { id: string; at: Date | string; actor: string; text: string | null; hash: string };

const alertKinds: Record<string, TimelineKind> = { fired: "alert", refired: "alert", acked: "ack", resolved: "resolve" };

/**
 * Oldest first, from the suspect window before the incident opened until it resolved (now while
 * open): its alerts firing, acknowledged and resolved, the changes of its service, and the notes.
 */
export async function incidentTimeline(db: Db, incident: IncidentRow): Promise<IncidentEntry[]> {
  const from = new Date(incident.openedAt.getTime() - SUSPECT_WINDOW_MS);
  const until = incident.resolvedAt ? sql`${incident.resolvedAt.toISOString()}::timestamptz` : sql`now()`;
  const alertEvents = await db.execute<AlertEventRow>(sql`
    select e.at, e.kind, e.actor, e.note, e.alert_id, a.labels ->> 'alertname' as name, a.severity
      from incident_alerts ia join alert_events e on e.alert_id = ia.alert_id join alerts a on a.id = ia.alert_id
     where ia.incident_id = ${incident.id} and e.kind in ('fired', 'refired', 'acked', 'resolved')
       and e.at >= ${from.toISOString()}::timestamptz and e.at <= ${until}
     order by e.id`);
  const notes = await db.execute<NoteRow>(sql`
    select id, at, actor, after ->> 'text' as text, hash from audit_events
     where action = 'incident.note' and target = ${`incident:${incident.id}`} and outcome = 'ok'
     order by id`);
  const changes = await serviceChanges(db, [incident.service], from, incident.resolvedAt);
  const entries: IncidentEntry[] = [
    ...alertEvents.map((e): IncidentEntry => {
      const kind = alertKinds[e.kind]!;
      const name = e.name ?? "alert";
      const summary = kind === "alert" ? `${name} fired (${e.severity})` : kind === "ack" ? `${name} acknowledged` : `${name} resolved`;
      return { at: new Date(e.at).toISOString(), kind, summary, actor: e.actor, reason: e.note, alertId: Number(e.alert_id), auditId: null, auditHash: null };
    }),
    ...changes.map(({ service: _service, ...c }): IncidentEntry => c),
    ...notes.map((n): IncidentEntry => ({ at: new Date(n.at).toISOString(), kind: "note", summary: n.text ?? "", actor: n.actor, reason: null, alertId: null, auditId: Number(n.id), auditHash: n.hash })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
