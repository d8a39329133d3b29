import type { Db } from "@/lib/db/client";
import { expireBreakerOverride, expiredOverrides } from "@/lib/domain/breakers/override";
import { systemCtx } from "@/lib/domain/context";
import { expiredModes, expireMode } from "@/lib/domain/modes/expire-mode";

/**
 * Clears the manual flips and breaker overrides whose expiry has passed, as the system. Safe with
 * several processes: each expiry re-checks under the service's control lock, so only the first
 * process to reach it changes and audits anything.
 */
export async function runExpiries(db: Db): Promise<void> {
  for (const service of await expiredModes(db)) await expireMode(systemCtx(), { service }, db);
  for (const target of await expiredOverrides(db)) await expireBreakerOverride(systemCtx(), target, db);
}
