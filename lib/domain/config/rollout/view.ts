import { and, desc, eq, sql } from "drizzle-orm";
import { configRollouts, instances } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../../services/liveness";
import { currentPercent, type Rollout } from "./active";
import { stepCovers } from "./bucket";
import type { GuardReadings } from "./guard";
import { guardReadings } from "./readings";

export interface RolloutView {
  version: number;
  fromVersion: number;
  steps: number[];
  /** 1-based, as people count steps. */
  step: number;
  percent: number;
  stepSeconds: number;
  guard: Rollout["guard"];
  status: Rollout["status"];
  startedAt: string;
  startedBy: string;
  stepStartedAt: string;
  /** When the console moves to the next step by itself; null unless running. */
  nextStepAt: string | null;
  endedAt: string | null;
  endedBy: string | null;
  endReason: string | null;
  /** Live instances by the version they report, and how many the step covers. */
  instances: { live: number; covered: number; onNewVersion: number; onOldVersion: number };
  /** Live while active; as they stood when the guard tripped for a halted one; null otherwise. */
  readings: GuardReadings | null;
}

/** The latest rollout of a document, active or ended, with who runs what and the guard's readings. */
export async function rolloutView(db: Db, service: string, environment: string): Promise<{ rollout: RolloutView | null }> {
  const [rollout] = await db
    .select()
    .from(configRollouts)
    .where(and(eq(configRollouts.service, service), eq(configRollouts.environment, environment)))
    .orderBy(desc(configRollouts.startedAt), desc(configRollouts.version))
    .limit(1);
  if (!rollout) return { rollout: null };
  const active = rollout.status === "running" || rollout.status === "paused";
  const [live, readings] = await Promise.all([
    db
      .select({ instance: instances.instance, configVersion: instances.configVersion })
      .from(instances)
      .where(and(eq(instances.service, service), eq(instances.environment, environment), reportedRecently(sql`${instances.lastReportAt}`))),
    active ? guardReadings(db, rollout) : Promise.resolve((rollout.haltReadings as GuardReadings | null) ?? null),
  ]);
  const percent = currentPercent(rollout);
  return {
    rollout: {
      version: rollout.version,
      fromVersion: rollout.fromVersion,
      steps: rollout.steps,
      step: rollout.step + 1,
      percent,
      stepSeconds: rollout.stepSeconds,
      guard: rollout.guard,
      status: rollout.status,
      startedAt: rollout.startedAt.toISOString(),
      startedBy: rollout.startedBy,
      stepStartedAt: rollout.stepStartedAt.toISOString(),
      nextStepAt: rollout.status === "running" ? new Date(rollout.stepStartedAt.getTime() + rollout.stepSeconds * 1000).toISOString() : null,
      endedAt: rollout.endedAt?.toISOString() ?? null,
      endedBy: rollout.endedBy,
      endReason: rollout.endReason,
      instances: {
        live: live.length,
        covered: active ? live.filter((i) => stepCovers(percent, i.instance)).length : 0,
        onNewVersion: live.filter((i) => i.configVersion === rollout.version).length,
        onOldVersion: live.filter((i) => i.configVersion !== rollout.version).length,
      },
      readings,
    },
  };
}
