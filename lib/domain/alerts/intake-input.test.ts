import { describe, expect, it } from "vitest";
import { alertmanagerInput, nativeAlertsInput } from "./intake-input";

const webhook = {
  version: "4",
  groupKey: '{}:{alertname="HighErrorRate"}',
  truncatedAlerts: 0,
  status: "firing",
  receiver: "breakwater",
  groupLabels: { alertname: "HighErrorRate" },
  commonLabels: { alertname: "HighErrorRate", severity: "critical" },
  commonAnnotations: {},
  externalURL: "http://alertmanager:9093",
  notification_reason: "new_alerts",
  routeLabels: { receiver: "breakwater" },
  alerts: [
    {
      status: "firing",
      labels: { alertname: "HighErrorRate", service: "rag-api", severity: "critical", empty: "" },
      annotations: { summary: "5% errors" },
      startsAt: "2026-11-21T10:00:00.123456789Z",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus/graph?g0.expr=up",
      fingerprint: "c6a4d3b2a1f0e9d8",
    },
    {
      status: "resolved",
      labels: { alertname: "DiskFull", service: "rag-api" },
      annotations: {},
      startsAt: "2026-11-21T09:00:00+02:00",
      endsAt: "2026-11-21T08:30:00Z",
      generatorURL: "",
    },
  ],
};

describe("the Alertmanager webhook payload", () => {
  it("is accepted unchanged, newer fields included, an end time of Go's zero time meaning still firing", () => {
    const [firing, resolved] = alertmanagerInput.parse(webhook);
    expect(firing).toMatchObject({
      labels: { alertname: "HighErrorRate", service: "rag-api", severity: "critical" },
      status: "firing",
      startsAt: new Date("2026-11-21T10:00:00.123Z"),
      endsAt: null,
      generatorUrl: "http://prometheus/graph?g0.expr=up",
    });
    expect(firing!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(resolved).toMatchObject({ status: "resolved", startsAt: new Date("2026-11-21T07:00:00Z"), endsAt: new Date("2026-11-21T08:30:00Z"), generatorUrl: null });
  });

  it("names the path of what is wrong", () => {
    const parsed = alertmanagerInput.safeParse({ ...webhook, alerts: [{ ...webhook.alerts[0], status: "pending", startsAt: "yesterday" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["alerts.0.startsAt", "alerts.0.status"]);
  });
});

describe("native alerts", () => {
  it("require an alertname", () => {
    const parsed = nativeAlertsInput.safeParse([{ labels: { service: "rag-api" } }]);
    expect(parsed.error?.issues[0]?.path).toEqual([0, "labels"]);
  });

  it("fire unless resolved, or ended in the past", () => {
    const [a, b, c] = nativeAlertsInput.parse([
      { labels: { alertname: "A" } },
      { labels: { alertname: "B" }, endsAt: "2020-01-01T00:00:00Z" },
      { labels: { alertname: "C" }, status: "resolved" },
    ]);
    expect([a!.status, b!.status, c!.status]).toEqual(["firing", "resolved", "resolved"]);
    expect(a).toMatchObject({ startsAt: null, endsAt: null, annotations: {} });
  });
});
