import { and, eq, sql } from "drizzle-orm";
import { configBakes, configDocuments, configVersions, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { lockControl } from "../control/revision";
import { Conflict } from "../errors";
import { requireEnvironment } from "./environments";

export interface LockedDocument {
  service: string;
  environment: string;
  currentVersion: number;
  schema: Record<string, unknown> | null;
  /** The body of the current version; null before the first publish. */
  currentBody: Record<string, unknown> | null;
}

/**
 * Locks a document for a change until the transaction ends. Every change of a service's control
 * state takes its service row first, so publishes, rollbacks and mode flips of one service apply
 * one after another, and a document's version only moves under this lock. A service or document
 * that does not exist yet is created, so config can be published before the first instance runs.
 */
export async function lockDocument(tx: Db, service: string, environment: string): Promise<LockedDocument> {
  await requireEnvironment(tx, environment);
  await tx.insert(services).values({ name: service }).onConflictDoNothing();
  await lockControl(tx, service);
  await tx.insert(configDocuments).values({ service, environment }).onConflictDoNothing();
  const [row] = await tx
    .select({ currentVersion: configDocuments.currentVersion, schema: configDocuments.schema, currentBody: configVersions.body })
    .from(configDocuments)
    .leftJoin(
      configVersions,
      and(
        eq(configVersions.service, configDocuments.service),
        eq(configVersions.environment, configDocuments.environment),
        eq(configVersions.version, configDocuments.currentVersion),
      ),
    )
    .where(and(eq(configDocuments.service, service), eq(configDocuments.environment, environment)));
  if (!row) throw new Error(`the config document ${service}/${environment} vanished under its lock`);
  return { service, environment, ...row };
}

/** Refuses a change based on another version than the current one, naming the current one. */
export function checkExpected(document: LockedDocument, expectedVersion: number): void {
  if (expectedVersion === document.currentVersion) return;
  throw new Conflict(
    `${document.service}/${document.environment} is at version ${document.currentVersion}, not ${expectedVersion}: someone published meanwhile.`,
    { currentVersion: document.currentVersion },
  );
}

/** Ends the bake of the version being replaced, if one runs. */
export async function endRunningBake(tx: Db, document: LockedDocument, by: string, outcome: "ended" | "rolled_back", alertName: string | null = null): Promise<boolean> {
  const ended = await tx
    .update(configBakes)
    .set({ endedAt: sql`now()`, endedBy: by, outcome, alertName })
    .where(
      and(
        eq(configBakes.service, document.service),
        eq(configBakes.environment, document.environment),
        eq(configBakes.version, document.currentVersion),
        sql`${configBakes.endedAt} is null`,
      ),
    )
    .returning({ version: configBakes.version });
  return ended.length > 0;
}
