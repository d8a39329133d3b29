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

export async function recordTimeline(tx: Db, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(alertEvents).values(entries.map((e) => ({ alertId: e.alertId, kind: e.kind, actor: e.actor ?? null, note: e.note ?? null, detail: e.detail ?? null })));
}
