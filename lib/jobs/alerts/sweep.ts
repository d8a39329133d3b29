import type { Db } from "@/lib/db/client";
import { reclaimStalled } from "@/lib/domain/alerts/claim-deliveries";
import { dueEscalations, escalateAlert } from "@/lib/domain/alerts/escalate";
import { expireAck, expiredAcks } from "@/lib/domain/alerts/expire-ack";
import { pruneGroups } from "@/lib/domain/alerts/prune-groups";
import { repeatNotifications } from "@/lib/domain/alerts/repeat";
import { resolveEnded } from "@/lib/domain/alerts/resolve-ended";
import { systemCtx } from "@/lib/domain/context";
import { settleSilences } from "@/lib/domain/silences/settle-silences";

/**
 * What the clock does to alerts: silences start and end, acknowledgements lapse, unacknowledged
 * alerts escalate and remind, alerts past their end time resolve, and deliveries of a dead sender
 * are put back. Each step re-checks its condition in its own transaction, so several processes
 * sweeping at once change each thing once.
 */
export async function sweepAlerts(db: Db): Promise<void> {
  const ctx = systemCtx();
  await settleSilences(ctx, {}, db);
  for (const id of await expiredAcks(db)) await expireAck(ctx, { id }, db);
  for (const id of await dueEscalations(db)) await escalateAlert(ctx, { id }, db);
  await repeatNotifications(ctx, {}, db);
  await resolveEnded(ctx, {}, db);
  await reclaimStalled(ctx, {}, db);
}

/** Less urgent upkeep. */
export async function tidyAlerts(db: Db): Promise<void> {
  await pruneGroups(systemCtx(), {}, db);
}
