import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId } from "../support/rows";
import { startHttpReceiver, startSmtpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/** Notifications reach local receivers standing in for PagerDuty, Slack, a webhook and an SMTP server. */

let app: TestApp;
let fleet: Caller;
let admin: Caller;
let responder: Caller;
let http: Awaited<ReturnType<typeof startHttpReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

const team = (value: string) => [{ label: "team", op: "=", value }];

beforeAll(async () => {
  [app, http, smtp] = await Promise.all([startApp(), startHttpReceiver(), startSmtpReceiver()]);
  const { db } = app.database;
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
  admin = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  responder = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "responder")).email) });
  const channels = [
    { name: "pagerduty", type: "pagerduty", config: { routingKey: "R0UT1NGKEY", url: `${http.url}/pagerduty` } },
    { name: "slack", type: "slack", config: { webhookUrl: `${http.url}/slack` } },
    { name: "hook", type: "webhook", config: { url: `${http.url}/hook`, secret: "hook-secret" } },
    { name: "flaky", type: "webhook", config: { url: `${http.url}/flaky` } },
    { name: "escalations", type: "webhook", config: { url: `${http.url}/escalations` } },
    { name: "email", type: "email", config: { host: "127.0.0.1", port: smtp.port, from: "breakwater@example.com", to: ["oncall@example.com"] } },
  ];
  for (const channel of channels) expect((await admin.post("/api/v1/channels", channel)).status).toBe(201);
  const tree = {
    receiver: "console",
    groupBy: ["alertname", "service"],
    groupWaitSeconds: 0,
    routes: [
      { matchers: team("flaky"), receiver: "flaky" },
      { matchers: team("escalating"), receiver: "hook", escalation: { afterSeconds: 1, receiver: "escalations" } },
      { matchers: team("patient"), receiver: "hook", escalation: { afterSeconds: 4, receiver: "escalations" } },
      { matchers: team("mail"), receiver: "email" },
      { matchers: team("hook"), receiver: "hook" },
      { matchers: [{ label: "__severity__", op: "=", value: "critical" }], receiver: "pagerduty" },
      { matchers: [{ label: "__severity__", op: "=", value: "warning" }], receiver: "slack" },
    ],
  };
  const res = await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([http?.stop(), smtp?.stop()]);
});

async function fire(labels: Record<string, string>): Promise<{ id: number; fingerprint: string }> {
  expect((await fleet.post("/api/v1/alerts", [{ labels, annotations: { summary: `${labels.alertname} is failing` } }])).status).toBe(202);
  const res = await admin.get(`/api/v1/alerts?label=${encodeURIComponent(`alertname=${labels.alertname}`)}`);
  const [alert] = ((await res.json()) as { alerts: { id: number; fingerprint: string }[] }).alerts;
  return alert!;
}

const named = (path: string, alertname: string) =>
  http.at(path).filter((r) => JSON.stringify(r.body).includes(`"${alertname}`) || JSON.stringify(r.body).includes(`${alertname} is failing`));

describe("delivery", () => {
  it("pages a critical alert through PagerDuty and not Slack", async () => {
    const alert = await fire({ alertname: "CriticalOne", service: "rag-api", severity: "critical" });
    const [page] = await until(() => http.at("/pagerduty").filter((r) => r.body.dedup_key === alert.fingerprint), (r) => r.length > 0);
    expect(page!.body).toMatchObject({
      routing_key: "R0UT1NGKEY",
      event_action: "trigger",
      dedup_key: alert.fingerprint,
      payload: { summary: "CriticalOne is failing", source: "rag-api", severity: "critical" },
    });
    await fire({ alertname: "WarningOne", service: "rag-api", severity: "warning" });
    await until(() => named("/slack", "WarningOne"), (r) => r.length > 0);
    expect(named("/slack", "CriticalOne")).toEqual([]);
    expect(named("/slack", "WarningOne")[0]!.body).toMatchObject({ text: expect.stringContaining("WarningOne"), blocks: expect.any(Array) });
  });

  it("sends PagerDuty acknowledge when acked here, and resolve when resolved", async () => {
    const alert = await fire({ alertname: "AckMe", severity: "critical" });
    const events = () => http.at("/pagerduty").filter((r) => r.body.dedup_key === alert.fingerprint).map((r) => r.body.event_action);
    await until(events, (e) => e.includes("trigger"));
    expect((await responder.post(`/api/v1/alerts/${alert.id}/ack`, { note: "on it" })).status).toBe(200);
    expect(await until(events, (e) => e.length >= 2)).toEqual(["trigger", "acknowledge"]);
    expect((await responder.post(`/api/v1/alerts/${alert.id}/resolve`, {})).status).toBe(200);
    expect(await until(events, (e) => e.length >= 3)).toEqual(["trigger", "acknowledge", "resolve"]);
  });

  it("retries a failing receiver with backoff until it recovers, delivering once, and logs every attempt", async () => {
    http.failNext("/flaky", 3);
    const alert = await fire({ alertname: "Flaky", team: "flaky" });
    const requests = await until(() => http.at("/flaky"), (r) => r.some((x) => x.status === 202));
    expect(requests.map((r) => r.status)).toEqual([503, 503, 503, 202]);
    expect(new Set(requests.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    // The worker records the outcome once the receiver has answered, a moment after the receiver saw it.
    const detail = await until(
      async () =>
        (await (await admin.get(`/api/v1/alerts/${alert.id}`)).json()) as {
          deliveries: { status: string; channel: { name: string }; attempts: { ok: boolean; statusCode: number; error: string | null }[] }[];
          timeline: { kind: string }[];
        },
      (d) => d.deliveries[0]?.status === "sent",
    );
    const [delivery] = detail.deliveries;
    expect(delivery).toMatchObject({ status: "sent", channel: { name: "flaky" } });
    expect(delivery!.attempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 503],
      [false, 503],
      [false, 503],
      [true, 202],
    ]);
    expect(delivery!.attempts[0]!.error).toContain("503");
    expect(detail.timeline.map((t) => t.kind)).toEqual(["fired", "notified"]);
  });

  it("flags a channel that keeps failing, until it succeeds again", async () => {
    http.failNext("/flaky", 3);
    await fire({ alertname: "FlakyAgain", team: "flaky" });
    const flagged = async () => ((await (await admin.get("/api/v1/channels")).json()) as { channels: { name: string; flagged: boolean; consecutiveFailures: number }[] }).channels.find((c) => c.name === "flaky")!;
    expect(await until(flagged, (c) => c.flagged)).toMatchObject({ flagged: true, consecutiveFailures: 3 });
    expect(await until(flagged, (c) => !c.flagged)).toMatchObject({ flagged: false, consecutiveFailures: 0 });
  });

  it("signs webhook bodies with HMAC-SHA256 of the secret", async () => {
    await fire({ alertname: "Signed", team: "hook" });
    const [request] = await until(() => named("/hook", "Signed"), (r) => r.length > 0);
    const expected = `sha256=${createHmac("sha256", "hook-secret").update(request!.raw).digest("hex")}`;
    expect(request!.headers["x-breakwater-signature"]).toBe(expected);
    expect(request!.body).toMatchObject({ event: "trigger", status: "firing", alerts: [{ labels: { alertname: "Signed" }, status: "firing" }] });
  });

  it("sends email over SMTP", async () => {
    await fire({ alertname: "Mailed", team: "mail", severity: "critical" });
    const [mail] = await until(() => smtp.mails.filter((m) => m.raw.includes("Mailed")), (m) => m.length > 0);
    expect(mail!.to).toEqual(["oncall@example.com"]);
    expect(mail!.raw).toMatch(/Subject: \[Firing\] CRITICAL Mailed/);
  });

  it("sends nothing for a silenced alert", async () => {
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const silence = await responder.post("/api/v1/silences", { matchers: [{ label: "alertname", op: "=", value: "Hushed" }], endsAt, comment: "known, fix deploying" });
    expect(silence.status).toBe(201);
    const hushed = await fire({ alertname: "Hushed", severity: "critical" });
    await fire({ alertname: "Loud", severity: "critical" });
    await until(() => named("/pagerduty", "Loud"), (r) => r.length > 0);
    expect(named("/pagerduty", "Hushed")).toEqual([]);
    const detail = (await (await admin.get(`/api/v1/alerts/${hushed.id}`)).json()) as { status: string; deliveries: unknown[] };
    expect(detail).toMatchObject({ status: "silenced", deliveries: [] });
  });

  it("escalates an alert nobody acknowledged after the route's delay, as the system, and not one acknowledged in time", async () => {
    const since = await lastAuditId(app.database.sql);
    const ignored = await fire({ alertname: "Ignored", team: "escalating" });
    const [escalation] = await until(() => named("/escalations", "Ignored"), (r) => r.length > 0);
    expect(escalation!.body).toMatchObject({ event: "escalate", alerts: [{ id: ignored.id }] });
    const detail = (await (await admin.get(`/api/v1/alerts/${ignored.id}`)).json()) as { timeline: { kind: string }[] };
    expect(detail.timeline.map((t) => t.kind)).toContain("escalated");
    expect((await auditAfter(app.database.sql, since)).filter((a) => a.action === "alert.escalate")).toEqual([
      expect.objectContaining({ actor: "system", role: "system", target: `alert:${ignored.id}` }),
    ]);

    const handled = await fire({ alertname: "Handled", team: "patient" });
    expect((await responder.post(`/api/v1/alerts/${handled.id}/ack`, {})).status).toBe(200);
    // Fired after the acknowledged one with the same delay: once it escalates, the other would have.
    await fire({ alertname: "Unhandled", team: "patient" });
    await until(() => named("/escalations", "Unhandled"), (r) => r.length > 0);
    expect(named("/escalations", "Handled")).toEqual([]);
  });
});
