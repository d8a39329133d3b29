import { and, eq, inArray, sql } from "drizzle-orm";
import { configRollouts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { Unprocessable } from "../../errors";
import { ACTIVE_STATUSES, activeRollout } from "./active";
import type { RolloutPlan } from "./input";

/**
 * Called for every new version of a locked document: the rollout of the version it replaces ends
 * as superseded, and the new version starts its own when it carries one. Instances outside the new
 * rollout's steps keep the version the fleet ran before any rollout began, not a half-rolled one.
 */
export async function handOverRollout(
  tx: Db,
  document: { service: string; environment: string; currentVersion: number },
  version: number,
  plan: RolloutPlan | null,
  author: string,
): Promise<void> {
  const active = await activeRollout(tx, document.service, document.environment);
  if (plan && document.currentVersion === 0) {
    throw new Unprocessable("A first version has nothing to roll out from; publish it without a rollout.", [{ path: "rollout", message: "needs an earlier version" }]);
  }
  if (active) {
    await tx
      .update(configRollouts)
      .set({ status: "superseded", endedAt: sql`now()`, endedBy: author, endReason: `version ${version} was published` })
      .where(
        and(
          eq(configRollouts.service, active.service),
          eq(configRollouts.environment, active.environment),
          eq(configRollouts.version, active.version),
          inArray(configRollouts.status, [...ACTIVE_STATUSES]),
        ),
      );
  }
  if (!plan) return;
  await tx.insert(configRollouts).values({
    service: document.service,
    environment: document.environment,
    version,
    fromVersion: active?.fromVersion ?? document.currentVersion,
    steps: plan.steps,
    stepSeconds: plan.stepSeconds,
    guard: plan.guard,
    startedBy: author,
  });
}
