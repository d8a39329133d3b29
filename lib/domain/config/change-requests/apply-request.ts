import { and, count, eq, sql } from "drizzle-orm";
import { changeRequestApprovals, changeRequests, schedules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { auditedVersion } from "../append-version";
import { publishInput } from "../inputs";
import { lockDocument } from "../lock-document";
import { checkFreeze } from "../policy/freeze";
import { readPolicy } from "../policy/read-policy";
import { publishVersion } from "../publish-version";
import type { ChangeRequestRow } from "./lock-request";

export type Applied =
  | { outcome: "applied"; version: number; audit: Record<string, unknown>; events: LiveEvent[] }
  | { outcome: "stale"; currentVersion: number; events: LiveEvent[] };

/**
 * Applies a pending request (locked by the caller) through the same compare-and-swap as a publish:
 * if another version landed since it was made, it becomes `stale` and is never merged. It is a
 * publish, so a freeze refuses it too; the request stays pending until the service stops burning.
 */
export async function applyRequest(tx: Db, request: ChangeRequestRow, by: string): Promise<Applied> {
  const document = await lockDocument(tx, request.service, request.environment);
  await checkFreeze(tx, document, await readPolicy(tx, request.service, request.environment), undefined);
  const events: LiveEvent[] = [{ topic: "change_request", id: String(request.id) }];
  if (document.currentVersion !== request.expectedVersion) {
    await settle(tx, request.id, { status: "stale", decidedBy: by });
    return { outcome: "stale", currentVersion: document.currentVersion, events: [...events, { topic: "config", id: `${request.service}/${request.environment}` }] };
  }
  const input = publishInput.parse({
    service: request.service,
    environment: request.environment,
    body: request.body,
    message: request.message,
    expectedVersion: request.expectedVersion,
    ...(request.bakeMinutes ? { bakeMinutes: request.bakeMinutes } : {}),
    ...(request.rollout ? { rollout: request.rollout } : {}),
  });
  const appended = await publishVersion(tx, document, input, request.author);
  await settle(tx, request.id, { status: "applied", decidedBy: by, appliedVersion: appended.version });
  return {
    outcome: "applied",
    version: appended.version,
    audit: auditedVersion(appended.version, appended.changes, { changeRequestId: request.id, author: request.author }),
    events: [...events, ...appended.events],
  };
}

async function settle(tx: Db, id: number, change: { status: "applied" | "stale"; decidedBy: string; appliedVersion?: number }): Promise<void> {
  await tx
    .update(changeRequests)
    .set({ ...change, decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(changeRequests.id, id));
}

/** Whether a schedule will apply the request: approvals then only make it ready, the schedule applies it. */
export async function scheduledFor(tx: Db, id: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: schedules.id })
    .from(schedules)
    .where(and(eq(schedules.changeRequestId, id), eq(schedules.status, "pending")))
    .limit(1);
  return row !== undefined;
}

export async function approvalCount(tx: Db, id: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(changeRequestApprovals).where(eq(changeRequestApprovals.changeRequestId, id));
  return row?.n ?? 0;
}
