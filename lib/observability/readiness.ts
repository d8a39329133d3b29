import { database } from "@/lib/db/client";
import { isDraining } from "@/lib/live/draining";
import { within } from "./deadline";
import { connectionVerdict, POOLER_MESSAGE } from "./session-verdict";

export const READY_TIMEOUT_MS = 2_000;

/** Whether this process should get traffic: not while it stops, not behind a transaction-mode pooler, and only while the database answers `select 1` in time. */
export async function readiness(): Promise<{ ready: true } | { ready: false; reason: string }> {
  if (isDraining()) return { ready: false, reason: "this process is stopping" };
  if (connectionVerdict() === "transaction pooler") return { ready: false, reason: POOLER_MESSAGE };
  try {
    await within(database().sql`select 1`, READY_TIMEOUT_MS);
    return { ready: true };
  } catch (error) {
    const reason = error instanceof Error && error.message.startsWith("no answer") ? error.message : "the database is unreachable";
    return { ready: false, reason };
  }
}
