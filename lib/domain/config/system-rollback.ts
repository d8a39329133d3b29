import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { fingerprintOf } from "../alerts/fingerprint";
import { intake } from "../alerts/intake";
import type { ConfigChange } from "./diff";
import type { LockedDocument } from "./lock-document";
import { restore } from "./rollback";

/**
 * The console rolling a document back by itself (a failed bake, a tripped rollout guard): a new
 * version with the earlier body, and an alert of its own through the intake so the routing tells
 * people. Call it under the document's lock, once the caller has checked it still has to act.
 */
export async function rollBackBySystem(
  tx: Db,
  document: LockedDocument,
  rollback: { toVersion: number; reason: string; author: string; alertName: string; summary: string },
): Promise<{ version: number; changes: ConfigChange[]; events: LiveEvent[] }> {
  const appended = await restore(tx, document, rollback.toVersion, rollback.reason, rollback.author);
  const labels = { alertname: rollback.alertName, service: document.service, environment: document.environment, severity: "warning" };
  const alertEvents = await intake(
    tx,
    [
      {
        fingerprint: fingerprintOf(labels),
        labels,
        annotations: { summary: rollback.summary, description: rollback.reason },
        status: "firing",
        startsAt: new Date(),
        endsAt: null,
        generatorUrl: null,
      },
    ],
    "native",
  );
  return { version: appended.version, changes: appended.changes, events: [...appended.events, ...alertEvents] };
}
