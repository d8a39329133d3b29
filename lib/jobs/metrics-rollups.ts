import type { Db } from "@/lib/db/client";
import { rollUpHours } from "@/lib/domain/metrics/rollups";

const EVERY_MS = 60_000;
let lastRun = 0;

/** Once a minute per process; an hour becomes due a few minutes after it ends. */
export async function rollUpMetricHours(db: Db): Promise<void> {
  if (Date.now() - lastRun < EVERY_MS) return;
  lastRun = Date.now();
  await rollUpHours(db);
}
