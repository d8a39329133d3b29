import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { deliveries, type deliveryEvents } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { defineMutation } from "../mutation";
import { alertChanged } from "./alert-view";

export interface ClaimedDelivery {
  id: number;
  alertId: number;
  channelId: string;
  event: (typeof deliveryEvents)[number];
  idempotencyKey: string;
  groupKey: string | null;
  attempts: number;
}


/**
 * Takes due deliveries for this process to send, for `DELIVERY_CLAIM_SECONDS`: a sender that has not
 * reported back by then is presumed dead, and its rows are sent again. `skip locked` lets several processes claim at
 * once without sending a row twice; a notification waits until the earlier ones of the same alert
 * to the same channel are done, so PagerDuty hears `trigger` before `acknowledge`.
 */
export const claimDeliveries = defineMutation({
  action: "delivery.claim",
  permit: "system",
  input: z.object({ limit: z.number().int().positive().max(500) }),
  target: () => null,
  async run(tx, { limit }) {
    const rows = await tx.execute<{ id: string; alert_id: string; channel_id: string; event: ClaimedDelivery["event"]; idempotency_key: string; group_key: string | null; attempts: number }>(sql`
      update ${deliveries} d
      set status = 'sending', attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${env().DELIVERY_CLAIM_SECONDS})
      where d.id in (
        select c.id from ${deliveries} c
        where c.status = 'pending' and c.due_at <= now()
          and not exists (
            select 1 from ${deliveries} p
            where p.alert_id = c.alert_id and p.channel_id = c.channel_id and p.id < c.id and p.status in ('pending', 'sending'))
        order by c.due_at, c.id
        limit ${limit}
        for update skip locked)
      returning d.id, d.alert_id, d.channel_id, d.event, d.idempotency_key, d.group_key, d.attempts`);
    const claimed: ClaimedDelivery[] = rows.map((r) => ({
      id: Number(r.id),
      alertId: Number(r.alert_id),
      channelId: r.channel_id,
      event: r.event,
      idempotencyKey: r.idempotency_key,
      groupKey: r.group_key,
      attempts: r.attempts,
    }));
    return { result: claimed, audit: null, events: [] };
  },
});

/** Puts back the rows of senders that died mid-send. */
export const reclaimStalled = defineMutation({
  action: "delivery.reclaim",
  permit: "system",
  input: z.object({}),
  target: () => null,
  async run(tx) {
    const rows = await tx.execute(sql`
      update ${deliveries} set status = 'pending', locked_until = null, due_at = now()
      where status = 'sending' and locked_until < now()
      returning id`);
    return { result: rows.length, audit: null, events: [] };
  },
});

/**
 * Puts back the rows a stopping sender claimed and has not recorded, for another process to take at
 * once. A row whose send was in flight may have reached its receiver: it is sent once more at most,
 * as after a lapsed claim, only sooner.
 */
export const releaseClaims = defineMutation({
  action: "delivery.release",
  permit: "system",
  input: z.object({ ids: z.array(z.number().int()).min(1).max(500) }),
  target: () => null,
  async run(tx, { ids }) {
    const rows = await tx
      .update(deliveries)
      .set({ status: "pending", lockedUntil: null, dueAt: sql`now()` })
      .where(and(eq(deliveries.status, "sending"), inArray(deliveries.id, ids)))
      .returning({ alertId: deliveries.alertId });
    // The alert event wakes the other processes' workers now rather than at their safety poll.
    return { result: rows.length, audit: null, events: alertChanged([...new Set(rows.map((r) => r.alertId))]) };
  },
});

/**
 * How long until the next delivery this worker could claim falls due, by the database's clock;
 * one waiting behind an earlier notification of its alert is woken by that one's outcome instead.
 */
export async function msUntilNextDue(db: Db): Promise<number | null> {
  const [row] = await db.execute<{ ms: number | null }>(sql`
    select (extract(epoch from min(c.due_at) - now()) * 1000)::float8 as ms
    from ${deliveries} c
    where c.status = 'pending'
      and not exists (
        select 1 from ${deliveries} p
        where p.alert_id = c.alert_id and p.channel_id = c.channel_id and p.id < c.id and p.status in ('pending', 'sending'))`);
  return row?.ms ?? null;
}
