import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { alertView } from "@/lib/domain/alerts/alert-view";
import type { ClaimedDelivery } from "@/lib/domain/alerts/claim-deliveries";
import { loadAlerts } from "@/lib/domain/alerts/load-alert";
import { emailConfig, pagerdutyConfig, slackConfig, webhookConfig } from "@/lib/domain/channels/channel-input";
import { channelsForSending, type ChannelRow } from "@/lib/domain/channels/list-channels";
import { sendEmail } from "./email";
import { describe, type Outcome } from "./http-post";
import type { Notice } from "./notice";
import { sendPagerduty } from "./pagerduty";
import { sendSlack } from "./slack";
import { sendWebhook } from "./webhook";

/** One request to a receiver and the deliveries it carries. */
export interface Sent {
  channelId: string;
  deliveries: ClaimedDelivery[];
  outcome: Outcome;
}

/**
 * Sends claimed deliveries. Triggers of one group to one channel go as one message, as
 * Alertmanager sends a group; PagerDuty takes one event per alert.
 */
export async function sendClaimed(db: Db, claimed: ClaimedDelivery[]): Promise<Sent[]> {
  const [byId, rows] = await Promise.all([channelsForSending(db, claimed.map((d) => d.channelId)), loadAlerts(db, claimed.map((d) => d.alertId))]);
  const batches = new Map<string, ClaimedDelivery[]>();
  for (const d of claimed) {
    const type = byId.get(d.channelId)?.type;
    const key = type !== "pagerduty" && d.groupKey ? `${d.channelId}|${d.event}|${d.groupKey}` : `#${d.id}`;
    batches.set(key, [...(batches.get(key) ?? []), d]);
  }
  return Promise.all(
    [...batches.values()].map(async (batch) => {
      const channel = byId.get(batch[0]!.channelId)!;
      const notice: Notice = {
        event: batch[0]!.event,
        channel: channel.name,
        groupKey: batch[0]!.groupKey,
        idempotencyKey: batch.length === 1 ? batch[0]!.idempotencyKey : keyOf(batch),
        alerts: batch.map((d) => alertView(rows.get(d.alertId)!)),
      };
      return { channelId: channel.id, deliveries: batch, outcome: await send(channel, notice).catch(failed) };
    }),
  );
}

function send(channel: ChannelRow, notice: Notice): Promise<Outcome> {
  switch (channel.type) {
    case "webhook":
      return sendWebhook(webhookConfig.parse(channel.config), notice);
    case "slack":
      return sendSlack(slackConfig.parse(channel.config), notice);
    case "pagerduty":
      return sendPagerduty(pagerdutyConfig.parse(channel.config), notice.event, notice.alerts[0]!);
    case "email":
      return sendEmail(emailConfig.parse(channel.config), notice);
  }
}

function failed(error: unknown): Outcome {
  return { ok: false, statusCode: null, error: describe(error), durationMs: 0, permanent: false };
}

function keyOf(batch: ClaimedDelivery[]): string {
  const keys = batch.map((d) => d.idempotencyKey).sort();
  return createHash("sha256").update(keys.join("\n")).digest("hex").slice(0, 32);
}
