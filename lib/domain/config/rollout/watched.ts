import { sql } from "drizzle-orm";
import { configDocuments, configRollouts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { Rollout } from "./active";

/** The active rollouts of current versions, each with whether its step has lasted long enough to move on. */
export async function watchedRollouts(db: Db): Promise<{ rollout: Rollout; due: boolean }[]> {
  const rows = await db
    .select({ rollout: configRollouts, due: sql<boolean>`${configRollouts.stepStartedAt} + make_interval(secs => ${configRollouts.stepSeconds}) <= now()` })
    .from(configRollouts)
    .innerJoin(
      configDocuments,
      sql`${configDocuments.service} = ${configRollouts.service} and ${configDocuments.environment} = ${configRollouts.environment} and ${configDocuments.currentVersion} = ${configRollouts.version}`,
    )
    .where(sql`${configRollouts.status} in ('running', 'paused')`);
  return rows.map((r) => ({ rollout: r.rollout, due: r.due && r.rollout.status === "running" }));
}
