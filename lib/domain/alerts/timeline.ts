import { sql } from "drizzle-orm";
import { alertEvents, type alertEventKinds } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

export type TimelineKind = (typeof alertEventKinds)[number];

export interface TimelineEntry {
  alertId: number;
  kind: TimelineKind;
  actor?: string | null;
  note?: string | null;
  detail?: Record<string, unknown> | null;
}

/** One statement, the same whatever the number of entries (`list-param.ts` says why). */
export async function recordTimeline(tx: Db, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ alert_id: e.alertId, kind: e.kind, actor: e.actor ?? null, note: e.note ?? null, detail: e.detail ?? null }));
  await tx.execute(sql`
    insert into ${alertEvents} (alert_id, kind, actor, note, detail)
    select alert_id, kind, actor, note, detail from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(alert_id bigint, kind text, actor text, note text, detail jsonb)`);
}
