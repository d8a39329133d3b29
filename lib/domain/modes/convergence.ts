import { isStale } from "../services/liveness";
import type { Convergence, QueueDepth } from "./types";

export interface InstanceModeRow {
  instance: string;
  mode: string | null;
  automaticMode: string | null;
  queueDepth: number | null;
  lastReportAt: Date;
}

/** How many live instances run the desired mode, and which do not. */
export function convergenceOf(desired: string, instances: InstanceModeRow[], now: Date): Convergence {
  const live = instances.filter((i) => !isStale(i.lastReportAt, now));
  const laggards = live
    .filter((i) => i.mode !== desired)
    .map((i) => ({ instance: i.instance, mode: i.mode, automaticMode: i.automaticMode, lastSeen: i.lastReportAt.toISOString() }));
  return { desired, live: live.length, converged: live.length - laggards.length, laggards };
}

/** The local-queue depth of the live instances that report one; null when none does. */
export function queueDepthOf(instances: InstanceModeRow[], now: Date): QueueDepth | null {
  const reporting = instances.filter((i) => !isStale(i.lastReportAt, now) && i.queueDepth !== null);
  if (reporting.length === 0) return null;
  const depths = reporting.map((i) => ({ instance: i.instance, depth: i.queueDepth ?? 0 }));
  return { total: depths.reduce((acc, d) => acc + d.depth, 0), instances: depths };
}

