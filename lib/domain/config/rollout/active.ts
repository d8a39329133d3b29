import { and, eq, inArray } from "drizzle-orm";
import { configRollouts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

export type Rollout = typeof configRollouts.$inferSelect;

/** A rollout that still hands its version out step by step; the others have ended. */
export const ACTIVE_STATUSES = ["running", "paused"] as const;

/** The active rollout of a document, if any; at most one, since a new version supersedes it. */
export async function activeRollout(db: Db, service: string, environment: string): Promise<Rollout | null> {
  const [row] = await db
    .select()
    .from(configRollouts)
    .where(and(eq(configRollouts.service, service), eq(configRollouts.environment, environment), inArray(configRollouts.status, [...ACTIVE_STATUSES])));
  return row ?? null;
}

/** The percentage of instances the rollout's current step covers. */
export function currentPercent(rollout: Pick<Rollout, "steps" | "step">): number {
  return rollout.steps[rollout.step] ?? 100;
}
