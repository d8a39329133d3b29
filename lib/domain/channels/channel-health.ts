import { eq, sql } from "drizzle-orm";
import { channels } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** Three failed attempts in a row flag a channel on the Routing page until one succeeds. */
export const FLAG_AFTER_FAILURES = 3;

export function isFlagged(channel: { consecutiveFailures: number }): boolean {
  return channel.consecutiveFailures >= FLAG_AFTER_FAILURES;
}

export async function recordChannelOutcome(tx: Db, channelId: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
  await tx
    .update(channels)
    .set(
      outcome.ok
        ? { consecutiveFailures: 0, lastSuccessAt: sql`now()` }
        : { consecutiveFailures: sql`${channels.consecutiveFailures} + 1`, lastError: outcome.error.slice(0, 1000), lastFailureAt: sql`now()` },
    )
    .where(eq(channels.id, channelId));
}
