import { database } from "@/lib/db/client";
import { within } from "./deadline";

export const READY_TIMEOUT_MS = 2_000;

/** Whether the database answers `select 1` in time; why not, when it does not. */
export async function readiness(): Promise<{ ready: true } | { ready: false; reason: string }> {
  try {
    await within(database().sql`select 1`, READY_TIMEOUT_MS);
    return { ready: true };
  } catch (error) {
    const reason = error instanceof Error && error.message.startsWith("no answer") ? error.message : "the database is unreachable";
    return { ready: false, reason };
  }
}
