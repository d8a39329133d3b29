import type { Db } from "@/lib/db/client";
import { systemCtx } from "@/lib/domain/context";
import { dueSchedules, runSchedule } from "@/lib/domain/schedules/run-schedule";

/**
 * Applies the schedules whose time has come. Every process runs it; each schedule is taken with
 * SKIP LOCKED and settled in the transaction that applies it, so it applies once, and a schedule
 * due while no process ran applies on the first round after a start.
 */
export async function runDueSchedules(database: Db): Promise<void> {
  for (const id of await dueSchedules(database)) await runSchedule(systemCtx("schedule"), { id }, database);
}
