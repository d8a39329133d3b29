import type { silences } from "@/drizzle/schema";
import type { LiveEvent } from "@/lib/live/events";

export type SilenceRow = typeof silences.$inferSelect;

function silenceState(row: Pick<SilenceRow, "startsAt" | "endsAt">, now = new Date()): "pending" | "active" | "expired" {
  if (row.endsAt <= now) return "expired";
  return row.startsAt > now ? "pending" : "active";
}

export function silenceView(row: SilenceRow, matchedAlerts = 0) {
  return {
    id: row.id,
    matchers: row.matchers,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    comment: row.comment,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiredBy: row.expiredBy,
    state: silenceState(row),
    matchedAlerts,
  };
}

export function silenceChanged(id: string | number): LiveEvent {
  return { topic: "silence", id: String(id) };
}
