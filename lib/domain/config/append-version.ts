import { and, eq, sql } from "drizzle-orm";
import { configBakes, configDocuments, configVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { bumpRevision } from "../control/revision";
import { configChanges, type ConfigChange } from "./diff";
import { schemaSecretPaths } from "./schema-secrets";
import type { LockedDocument } from "./lock-document";
import { handOverRollout } from "./rollout/hand-over";
import type { RolloutPlan } from "./rollout/input";

export interface NewVersion {
  body: Record<string, unknown>;
  message: string;
  author: string;
  rollbackOf: number | null;
  bakeMinutes: number | null;
  rollout: RolloutPlan | null;
}

// An audit event stays readable; the diff endpoint has the rest.
const MAX_AUDITED_CHANGES = 50;

/**
 * Appends the next version to a locked document and makes it current, with the control revision
 * bumped in the same transaction so long-polling instances learn of it at once. The conditional
 * update and the primary key each forbid a second version of one number.
 */
export async function appendVersion(tx: Db, document: LockedDocument, next: NewVersion): Promise<{ version: number; changes: ConfigChange[]; events: LiveEvent[] }> {
  const version = document.currentVersion + 1;
  await tx.insert(configVersions).values({
    service: document.service,
    environment: document.environment,
    version,
    body: next.body,
    message: next.message,
    author: next.author,
    baseVersion: document.currentVersion,
    rollbackOf: next.rollbackOf,
  });
  const moved = await tx
    .update(configDocuments)
    .set({ currentVersion: version })
    .where(
      and(
        eq(configDocuments.service, document.service),
        eq(configDocuments.environment, document.environment),
        eq(configDocuments.currentVersion, document.currentVersion),
      ),
    )
    .returning({ version: configDocuments.currentVersion });
  if (moved.length !== 1) throw new Error(`the config document ${document.service}/${document.environment} moved under its lock`);
  if (next.bakeMinutes !== null) {
    await tx.insert(configBakes).values({
      service: document.service,
      environment: document.environment,
      version,
      until: sql`now() + make_interval(mins => ${next.bakeMinutes})`,
    });
  }
  await handOverRollout(tx, document, version, next.rollout, next.author);
  await bumpRevision(tx, document.service);
  return {
    version,
    changes: configChanges(document.currentBody ?? {}, next.body, schemaSecretPaths(document.schema)),
    events: [
      { topic: "config", id: `${document.service}/${document.environment}` },
      { topic: "service", id: document.service },
    ],
  };
}

/** The audit `after` of a new version: its number and what it changed, secrets masked. */
export function auditedVersion(version: number, changes: ConfigChange[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version,
    ...extra,
    changes: changes.slice(0, MAX_AUDITED_CHANGES),
    ...(changes.length > MAX_AUDITED_CHANGES ? { moreChanges: changes.length - MAX_AUDITED_CHANGES } : {}),
  };
}
