import { createHmac } from "node:crypto";
import type { WebhookConfig } from "@/lib/domain/channels/channel-input";
import { postJson, type Outcome } from "./http-post";
import { alertLink, noticeStatus, type Notice } from "./notice";

export const SIGNATURE_HEADER = "X-Breakwater-Signature";

/** `sha256=` and the hex HMAC-SHA256 of the exact body bytes, as GitHub signs its webhooks. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function webhookPayload(notice: Notice) {
  return {
    version: "1",
    event: notice.event,
    status: noticeStatus(notice),
    channel: notice.channel,
    groupKey: notice.groupKey,
    idempotencyKey: notice.idempotencyKey,
    alerts: notice.alerts.map((a) => ({ ...a, url: alertLink(a) })),
  };
}

export function sendWebhook(config: WebhookConfig, notice: Notice): Promise<Outcome> {
  const body = JSON.stringify(webhookPayload(notice));
  const headers: Record<string, string> = { "idempotency-key": notice.idempotencyKey };
  if (config.secret) headers[SIGNATURE_HEADER] = signature(config.secret, body);
  return postJson(config.url, body, headers);
}
