import type { AlertView } from "@/lib/domain/alerts/alert-view";
import type { PagerdutyConfig } from "@/lib/domain/channels/channel-input";
import { postJson, type Outcome } from "./http-post";
import { alertLink, alertSummary, type DeliveryEvent } from "./notice";

const action: Record<DeliveryEvent, "trigger" | "acknowledge" | "resolve"> = {
  trigger: "trigger",
  repeat: "trigger",
  escalate: "trigger",
  acknowledge: "acknowledge",
  resolve: "resolve",
};

/**
 * A PagerDuty Events API v2 event. The dedup key is the fingerprint, so a repeat or an escalation
 * updates the same incident and `acknowledge` and `resolve` reach it.
 */
export function pagerdutyEvent(routingKey: string, event: DeliveryEvent, alert: AlertView) {
  const base = { routing_key: routingKey, event_action: action[event], dedup_key: alert.fingerprint };
  if (base.event_action !== "trigger") return base;
  const link = alertLink(alert);
  return {
    ...base,
    client: "Breakwater",
    ...(link ? { client_url: link, links: [{ href: link, text: "Open in Breakwater" }] } : {}),
    payload: {
      summary: `${event === "escalate" ? "[Escalated] " : ""}${alertSummary(alert)}`.slice(0, 1024),
      source: alert.labels.instance ?? alert.labels.service ?? "breakwater",
      severity: alert.severity,
      timestamp: new Date(alert.startsAt).toISOString(),
      ...(alert.labels.service ? { component: alert.labels.service } : {}),
      ...(alert.labels.alertname ? { class: alert.labels.alertname } : {}),
      custom_details: { labels: alert.labels, annotations: alert.annotations },
    },
  };
}

export function sendPagerduty(config: PagerdutyConfig, event: DeliveryEvent, alert: AlertView): Promise<Outcome> {
  return postJson(config.url, JSON.stringify(pagerdutyEvent(config.routingKey, event, alert)));
}
