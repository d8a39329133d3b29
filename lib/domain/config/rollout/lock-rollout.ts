import { and, eq, sql } from "drizzle-orm";
import { configRollouts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { bumpRevision } from "../../control/revision";
import { Conflict } from "../../errors";
import { lockDocument, type LockedDocument } from "../lock-document";
import { activeRollout, type Rollout } from "./active";

/** Locks the document and reads its active rollout: the one of its current version, if any. */
export async function lockRollout(tx: Db, service: string, environment: string): Promise<{ document: LockedDocument; rollout: Rollout | null }> {
  const document = await lockDocument(tx, service, environment);
  const rollout = await activeRollout(tx, service, environment);
  return { document, rollout: rollout?.version === document.currentVersion ? rollout : null };
}

/** As `lockRollout`, for a person's action on it: none active is a 409. */
export async function requireRollout(tx: Db, service: string, environment: string): Promise<{ document: LockedDocument; rollout: Rollout }> {
  const locked = await lockRollout(tx, service, environment);
  if (!locked.rollout) throw new Conflict(`No rollout runs for ${service}/${environment}.`);
  return { document: locked.document, rollout: locked.rollout };
}

type RolloutChange = Partial<Pick<Rollout, "step" | "status" | "endedBy" | "endReason" | "haltReadings">> & { started?: true; ended?: true };

/**
 * Writes a change of a locked rollout. A change of who gets which version bumps the control
 * revision, so every instance's document, its ETag and its stream move at once.
 */
export async function changeRollout(tx: Db, rollout: Rollout, change: RolloutChange, movesInstances: boolean): Promise<LiveEvent[]> {
  const { started, ended, ...columns } = change;
  await tx
    .update(configRollouts)
    .set({ ...columns, ...(started ? { stepStartedAt: sql`now()` } : {}), ...(ended ? { endedAt: sql`now()` } : {}) })
    .where(and(eq(configRollouts.service, rollout.service), eq(configRollouts.environment, rollout.environment), eq(configRollouts.version, rollout.version)));
  if (movesInstances) await bumpRevision(tx, rollout.service);
  return [
    { topic: "config", id: `${rollout.service}/${rollout.environment}` },
    { topic: "service", id: rollout.service },
  ];
}
