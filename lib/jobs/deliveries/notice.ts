import type { deliveryEvents } from "@/drizzle/schema";
import type { AlertView } from "@/lib/domain/alerts/alert-view";
import { env } from "@/lib/env";

export type DeliveryEvent = (typeof deliveryEvents)[number];

/** One message to one channel: a delivery, or the deliveries of one group sent together. */
export interface Notice {
  event: DeliveryEvent;
  channel: string;
  groupKey: string | null;
  idempotencyKey: string;
  alerts: AlertView[];
}

/** What a receiver learns from the message, whichever event queued it. */
export function noticeStatus(notice: Notice): "firing" | "acknowledged" | "resolved" {
  if (notice.event === "resolve") return "resolved";
  return notice.event === "acknowledge" ? "acknowledged" : "firing";
}

const headline: Record<DeliveryEvent, string> = {
  trigger: "Firing",
  repeat: "Still firing",
  escalate: "Escalated: not acknowledged",
  acknowledge: "Acknowledged",
  resolve: "Resolved",
};

export function noticeHeadline(notice: Notice): string {
  return headline[notice.event];
}

export function alertTitle(alert: AlertView): string {
  const name = alert.labels.alertname ?? alert.fingerprint;
  return alert.labels.service ? `${name} (${alert.labels.service})` : name;
}

export function alertSummary(alert: AlertView): string {
  return alert.annotations.summary ?? alert.annotations.description ?? alert.annotations.message ?? alertTitle(alert);
}

/** A link into the console, when it knows its public address. */
export function alertLink(alert: AlertView): string | null {
  const base = env().BREAKWATER_URL;
  return base ? new URL(`/alerts?alert=${alert.id}`, base).toString() : null;
}
