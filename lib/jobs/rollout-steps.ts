import type { Db } from "@/lib/db/client";
import { stepRolloutOnTime } from "@/lib/domain/config/rollout/advance";
import { guardReadings } from "@/lib/domain/config/rollout/readings";
import { haltTrippedRollout } from "@/lib/domain/config/rollout/halt";
import { watchedRollouts } from "@/lib/domain/config/rollout/watched";
import { systemCtx } from "@/lib/domain/context";

/**
 * Watches every active rollout: a tripped guard halts it, else a step that lasted its time moves
 * on. State lives in PostgreSQL, so a restart picks up where the last round left; every process
 * may run this at once, since each verb re-checks under the document's lock and acts once.
 */
export async function watchRollouts(database: Db): Promise<void> {
  for (const { rollout, due } of await watchedRollouts(database)) {
    const at = { service: rollout.service, environment: rollout.environment, version: rollout.version, step: rollout.step };
    if ((await guardReadings(database, rollout)).tripped.length > 0) await haltTrippedRollout(systemCtx("config-rollout"), at, database);
    else if (due) await stepRolloutOnTime(systemCtx("config-rollout"), at, database);
  }
}
