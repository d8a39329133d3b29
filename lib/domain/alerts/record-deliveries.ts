import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { alertGroups, channels, deliveries, deliveryAttempts } from "@/drizzle/schema";
import { recordChannelOutcome } from "../channels/channel-health";
import { defineMutation } from "../mutation";
import { alertChanged } from "./alert-view";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-backoff";
import { recordTimeline } from "./timeline";

const request = z.object({
  channelId: z.uuid(),
  /** The claimed rows this one request carried. */
  deliveries: z.array(z.object({ id: z.number().int(), alertId: z.number().int(), event: z.string(), groupKey: z.string().nullable(), attempts: z.number().int() })).min(1),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  /** A refusal retrying cannot fix (a 4xx other than 408 or 429). */
  permanent: z.boolean(),
});

/**
 * What the sender saw: each attempt goes to the delivery log; a success marks the rows sent and
 * the alert's timeline notified; a failure retries later, or gives up after the last attempt or a
 * permanent refusal. The channel's run of failures is counted, and a group's first send times it.
 */
export const recordDeliveries = defineMutation({
  action: "delivery.record",
  permit: "system",
  input: z.object({ requests: z.array(request).min(1) }),
  target: () => null,
  async run(tx, { requests }) {
    const rows = requests.flatMap((r) => r.deliveries.map((d) => ({ ...d, request: r })));
    await tx.insert(deliveryAttempts).values(
      rows.map(({ id, request: r }) => ({ deliveryId: id, ok: r.ok, statusCode: r.statusCode, error: r.error?.slice(0, 1000) ?? null, durationMs: r.durationMs })),
    );
    for (const { id, attempts, request: r } of rows) {
      const givenUp = r.permanent || attempts >= MAX_ATTEMPTS;
      await tx
        .update(deliveries)
        .set(
          r.ok
            ? { status: "sent", sentAt: sql`now()`, lockedUntil: null, lastError: null }
            : { status: givenUp ? "failed" : "pending", dueAt: new Date(Date.now() + retryDelayMs(attempts)), lockedUntil: null, lastError: r.error?.slice(0, 1000) ?? `HTTP ${r.statusCode}` },
        )
        .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
    }
    // Channels and groups are updated in key order, so processes recording at once cannot deadlock.
    for (const r of [...requests].sort((a, b) => (a.channelId < b.channelId ? -1 : 1))) {
      await recordChannelOutcome(tx, r.channelId, r.ok ? { ok: true } : { ok: false, error: r.error ?? `HTTP ${r.statusCode}` });
    }
    const flushed = [...new Set(rows.filter((d) => d.groupKey && d.attempts === 1).map((d) => d.groupKey!))].sort();
    for (const key of flushed) await tx.update(alertGroups).set({ flushedAt: sql`now()` }).where(eq(alertGroups.key, key));
    const names = new Map(
      (await tx.select({ id: channels.id, name: channels.name }).from(channels).where(inArray(channels.id, [...new Set(requests.map((r) => r.channelId))]))).map((c) => [c.id, c.name]),
    );
    await recordTimeline(
      tx,
      rows
        .filter((d) => d.request.ok)
        .map((d) => ({ alertId: d.alertId, kind: "notified" as const, detail: { channel: names.get(d.request.channelId) ?? null, event: d.event, deliveryId: d.id } })),
    );
    return { result: rows.length, audit: null, events: alertChanged(rows.map((d) => d.alertId)) };
  },
});
