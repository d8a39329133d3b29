import { db, type Db } from "@/lib/db/client";
import { failedBakes, rollBackBake } from "@/lib/domain/config/auto-rollback";
import { systemCtx } from "@/lib/domain/context";
import { subscribe } from "@/lib/live/listener";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Rolls back each baking version during whose bake a critical alert of its service came in. Every
 * process may run it at once: the verb re-checks under the document's lock and acts once.
 */
export async function rollBackFailedBakes(database: Db): Promise<void> {
  for (const bake of await failedBakes(database)) await rollBackBake(systemCtx("config-bake"), bake, database);
}

// One watch per process even if start-up runs twice.
const watch = processSingleton("bakeWatch", (): { stop?: () => void } => ({}));

/**
 * Runs the check as soon as an alert changes, rather than on the next tick, so a bad version is
 * rolled back within moments of its alert. Checks never overlap; one that is asked for while
 * another runs follows it.
 */
export function watchBakes(): () => void {
  if (watch.stop) return watch.stop;
  let running = false;
  let again = false;
  const check = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await rollBackFailedBakes(db());
      } while (again);
    } catch (error) {
      console.error("The config bake check failed:", error);
    } finally {
      running = false;
    }
  };
  const unsubscribe = subscribe((events) => {
    if (events.some((e) => e.topic === "alert")) void check();
  });
  watch.stop = () => {
    unsubscribe();
    watch.stop = undefined;
  };
  return watch.stop;
}
