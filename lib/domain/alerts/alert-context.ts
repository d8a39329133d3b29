import type { Db } from "@/lib/db/client";
import { serviceChanges, type ServiceChange } from "../changes/service-changes";
import { loadAlert } from "./load-alert";
import { SUSPECT_WINDOW_MS, suggestedActions, type SuggestedAction } from "./suggested-actions";

export interface AlertContext {
  /** Oldest first; the last one before the alert fired is marked, being the usual suspect. */
  changes: (Omit<ServiceChange, "auditHash"> & { lastBeforeFiring: boolean })[];
  actions: SuggestedAction[];
}

/** What changed for an alert's service since shortly before it fired, and the moves that fit it, read in one snapshot. */
export function alertContext(db: Db, id: number): Promise<AlertContext> {
  return db.transaction(
    async (tx) => {
      const alert = await loadAlert(tx, id);
      if (!alert.service) return { changes: [], actions: [] };
      const changes = await serviceChanges(tx, [alert.service], new Date(alert.startsAt.getTime() - SUSPECT_WINDOW_MS), null);
      const firedAt = alert.startsAt.toISOString();
      const suspect = changes.findLastIndex((c) => c.at <= firedAt);
      return {
        changes: changes.map(({ auditHash: _hash, ...c }, i) => ({ ...c, lastBeforeFiring: i === suspect })),
        actions: await suggestedActions(tx, alert),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
