import { and, eq, lte, sql } from "drizzle-orm";
import { schedules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { applyScheduledRequest } from "../config/change-requests/apply-scheduled";
import { systemCtx } from "../context";
import { DomainError, ValidationError } from "../errors";
import { defineMutation } from "../mutation";
import { setMode } from "../modes/set-mode";
import { schedulePath, scheduleTarget } from "./inputs";

type ScheduleRow = typeof schedules.$inferSelect;
type Outcome = { applied: true; detail: Record<string, unknown> } | { applied: false; reason: string };

/**
 * Applies one due schedule as the console. The row is taken with SKIP LOCKED and settled in the
 * same transaction, so with several processes exactly one applies it and the others pass it by.
 * The change itself is the target's own verb, run in a savepoint under the recorded revision or
 * version: if its target moved, that verb refuses, nothing of it stays, and the schedule is
 * suspended with the refusal as its reason.
 */
export const runSchedule = defineMutation({
  action: "schedule.apply",
  permit: "system",
  input: schedulePath,
  target: scheduleTarget,
  async run(tx, input) {
    const [due] = await tx
      .select()
      .from(schedules)
      .where(and(eq(schedules.id, input.id), eq(schedules.status, "pending"), lte(schedules.at, sql`now()`)))
      .for("update", { skipLocked: true });
    if (!due) return { result: null, audit: null, events: [] };
    const outcome = await attempt(tx, due);
    await tx
      .update(schedules)
      .set({ status: outcome.applied ? "applied" : "suspended", settledAt: sql`now()`, suspendedReason: outcome.applied ? null : outcome.reason })
      .where(eq(schedules.id, due.id));
    const what = { kind: due.kind, service: due.service, at: due.at.toISOString(), createdBy: due.createdBy };
    return {
      result: outcome.applied ? { status: "applied" as const } : { status: "suspended" as const, reason: outcome.reason },
      audit: outcome.applied
        ? { after: { ...what, ...outcome.detail } }
        : { action: "schedule.suspend", after: { ...what, status: "suspended" }, reason: outcome.reason },
      events: [{ topic: "schedule", id: String(due.id) }],
    };
  },
});

async function attempt(tx: Db, due: ScheduleRow): Promise<Outcome> {
  const ctx = systemCtx("schedule");
  try {
    if (due.kind === "mode_flip") {
      const reason = `${due.reason ?? "scheduled"} (scheduled by ${due.createdBy})`;
      const input = { service: due.service, mode: due.mode, reason, expiresAt: due.expiresAt?.toISOString() ?? null, expectedRevision: due.expectedRevision ?? undefined };
      const document = await setMode(ctx, input, tx);
      return { applied: true, detail: { mode: due.mode, revision: document.revision } };
    }
    const applied = await applyScheduledRequest(ctx, { id: due.changeRequestId, revision: due.expectedRevision }, tx);
    return applied.outcome === "applied" ? { applied: true, detail: { changeRequestId: due.changeRequestId, version: applied.version } } : { applied: false, reason: applied.reason };
  } catch (error) {
    if (error instanceof ValidationError) return { applied: false, reason: error.issues.map((i) => `${i.path} ${i.message}`).join("; ") };
    if (error instanceof DomainError) return { applied: false, reason: error.message };
    throw error;
  }
}

/** Schedules whose time has come, oldest first. */
export async function dueSchedules(db: Db, limit = 50): Promise<number[]> {
  const rows = await db
    .select({ id: schedules.id })
    .from(schedules)
    .where(and(eq(schedules.status, "pending"), lte(schedules.at, sql`now()`)))
    .orderBy(schedules.at)
    .limit(limit);
  return rows.map((r) => r.id);
}
