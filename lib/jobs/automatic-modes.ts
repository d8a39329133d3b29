import type { Db } from "@/lib/db/client";
import { systemCtx } from "@/lib/domain/context";
import { servicesWithDriftedChoice, settleAutomaticMode } from "@/lib/domain/modes/automatic-mode";

/**
 * Reports move a service's automatic mode as they arrive; an instance that stops reporting moves it
 * only by going stale, which no request notices, so this catches it up.
 */
export async function refreshAutomaticModes(db: Db): Promise<void> {
  for (const service of await servicesWithDriftedChoice(db)) await settleAutomaticMode(systemCtx(), { service }, db);
}
