import { and, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { modeOverrides } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { controlDocument } from "../control/document";
import { bumpRevision, lockControl } from "../control/revision";
import { defineMutation } from "../mutation";
import { serviceName } from "../services/report-schema";
import { recordModeChange } from "./set-mode";
import { changeEvents } from "../control/change-events";

/**
 * Ends a manual flip whose expiry has passed. Run by the expiry job as the system; the check is made
 * again under the service's control lock, so when several processes expire the same flip only the
 * first changes and audits anything.
 */
export const expireMode = defineMutation({
  action: "mode.expire",
  permit: "system",
  input: z.object({ service: serviceName }),
  target: (i) => `service:${i.service}`,
  async run(tx, input) {
    const control = await lockControl(tx, input.service);
    const [expired] = await tx
      .delete(modeOverrides)
      .where(and(eq(modeOverrides.service, input.service), lte(modeOverrides.expiresAt, sql`now()`)))
      .returning();
    if (!expired) return { result: null, audit: null, events: [] };
    await recordModeChange(tx, {
      service: input.service,
      fromMode: expired.mode,
      toMode: control.automaticMode,
      source: "expiry",
      reason: `expired; set by ${expired.setBy}: ${expired.reason}`,
      actor: "system",
      expiresAt: expired.expiresAt,
    });
    await bumpRevision(tx, input.service);
    return {
      result: await controlDocument(tx, input.service),
      audit: {
        before: { mode: expired.mode, source: "manual", setBy: expired.setBy, expiresAt: expired.expiresAt },
        after: { mode: control.automaticMode, source: "automatic" },
        reason: "expired",
      },
      events: changeEvents("mode", input.service),
    };
  },
});

/** Services whose manual flip has expired. */
export async function expiredModes(db: Db, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ service: modeOverrides.service })
    .from(modeOverrides)
    .where(lte(modeOverrides.expiresAt, sql`now()`))
    .limit(limit);
  return rows.map((r) => r.service);
}
