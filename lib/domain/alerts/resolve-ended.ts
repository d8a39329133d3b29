import { sql } from "drizzle-orm";
import { z } from "zod";
import { alerts } from "@/drizzle/schema";
import { defineMutation } from "../mutation";
import { alertChanged } from "./alert-view";
import { closeEmptyGroups, queueFollowUps } from "./notifications";
import { recordTimeline } from "./timeline";

/**
 * Resolves open alerts whose sender-given end time has passed without a renewal, as Alertmanager
 * does for alerts pushed with an `endsAt`. The sender's decision, not anyone's here: not audited.
 */
export const resolveEnded = defineMutation({
  action: "alert.end",
  permit: "system",
  input: z.object({ limit: z.number().int().positive().default(100) }),
  target: () => null,
  async run(tx, { limit }) {
    const ended = await tx.execute<{ id: string }>(sql`
      update ${alerts} a set state = 'resolved', updated_at = now(), ack_expires_at = null, escalate_at = null, repeat_at = null
      where a.id in (
        select id from ${alerts} where state <> 'resolved' and ends_at <= now()
        order by id limit ${limit} for update skip locked)
      returning a.id`);
    const ids = ended.map((r) => Number(r.id));
    await recordTimeline(tx, ids.map((alertId) => ({ alertId, kind: "resolved", detail: { reason: "its end time passed" } })));
    await queueFollowUps(tx, ids, "resolve");
    await closeEmptyGroups(tx, ids);
    return { result: ids.length, audit: null, events: alertChanged(ids) };
  },
});
