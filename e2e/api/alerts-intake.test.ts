import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId, lastRefusal, rowCounts } from "../support/rows";

/** Intake through both endpoints, who may send, dedup and occurrences, and the lifecycle a person drives. */

let app: TestApp;
let fleet: Caller;
let ragApi: Caller;
let responder: Caller;
let responderEmail: string;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
  ragApi = app.caller({ bearer: (await seedServiceToken(db, "rag-api")).token });
  const person = await seedUser(db, "responder");
  responderEmail = person.email;
  responder = app.caller({ bearer: await seedPersonalToken(db, person.email) });
  const watcher = await seedUser(db, "viewer");
  viewer = await app.signedIn(watcher.email, watcher.password);
});
afterAll(() => app?.stop());

interface AlertJson {
  id: number;
  fingerprint: string;
  status: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  acknowledgedBy: string | null;
}

async function alertsWith(label: string): Promise<AlertJson[]> {
  const res = await viewer.get(`/api/v1/alerts?label=${encodeURIComponent(label)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { alerts: AlertJson[] }).alerts;
}

async function detail(id: number) {
  const res = await viewer.get(`/api/v1/alerts/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AlertJson & { timeline: { kind: string; actor: string | null; note: string | null }[] };
}

function webhook(run: string, status: "firing" | "resolved", startsAt = "2026-11-21T10:00:00Z") {
  return {
    version: "4",
    groupKey: `{}:{alertname="HighErrorRate"}`,
    truncatedAlerts: 0,
    status,
    receiver: "breakwater",
    groupLabels: { alertname: "HighErrorRate" },
    commonLabels: { alertname: "HighErrorRate" },
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    notification_reason: "new_alerts",
    routeLabels: { receiver: "breakwater" },
    alerts: [
      {
        status,
        labels: { alertname: "HighErrorRate", service: "rag-api", severity: "page", run },
        annotations: { summary: "5% of requests fail" },
        startsAt,
        endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2026-11-21T10:30:00Z",
        generatorURL: "http://prometheus:9090/graph",
        fingerprint: "9f2c1e0d3b4a5c6d",
      },
    ],
  };
}

describe("alert intake", () => {
  it("takes native alerts from a service token scoped to their service, and refuses other services", async () => {
    const ok = await ragApi.post("/api/v1/alerts", [{ labels: { alertname: "QueueBacklog", service: "rag-api", severity: "warn", run: "scope" }, annotations: { summary: "backlog" } }]);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ accepted: 1 });
    const [alert] = await alertsWith("run=scope");
    expect(alert).toMatchObject({ status: "firing", severity: "warning", labels: { severity: "warn" }, annotations: { summary: "backlog" } });
    expect(alert!.fingerprint).toMatch(/^[0-9a-f]{16}$/);

    const before = await lastAuditId(app.database.sql);
    const other = await ragApi.post("/api/v1/alerts", [{ labels: { alertname: "X", service: "billing", run: "scope" } }]);
    expect(other.status).toBe(403);
    const unlabelled = await ragApi.post("/api/v1/alerts", [{ labels: { alertname: "X", run: "scope" } }]);
    expect(unlabelled.status).toBe(403);
    // Two refusals of one caller and action within a minute fold into one event that counts both.
    expect((await auditAfter(app.database.sql, before)).map((a) => [a.action, a.outcome])).toEqual([["alert.ingest", "denied"]]);
    expect(await lastRefusal(app.database.sql)).toMatchObject({ action: "alert.ingest", count: 2 });
  });

  it("takes alerts from a responder, and not from a viewer or without credentials", async () => {
    expect((await responder.post("/api/v1/alerts", [{ labels: { alertname: "ByHand", run: "people" } }])).status).toBe(202);
    expect((await viewer.post("/api/v1/alerts", [{ labels: { alertname: "ByHand", run: "people" } }])).status).toBe(403);
    expect((await app.caller(null).post("/api/v1/alerts/alertmanager", webhook("people", "firing"))).status).toBe(401);
    expect((await ragApi.post("/api/v1/alerts/alertmanager", webhook("people", "firing"))).status).toBe(403);
    expect(await alertsWith("run=people")).toHaveLength(1);
  });

  it("accepts Alertmanager's payload unchanged, and a repeat of it changes nothing", async () => {
    const first = await fleet.post("/api/v1/alerts/alertmanager", webhook("am", "firing"));
    expect(first.status).toBe(202);
    const [alert] = await alertsWith("run=am");
    expect(alert).toMatchObject({ status: "firing", severity: "critical", startsAt: "2026-11-21T10:00:00.000Z", endsAt: null });

    const before = await rowCounts(app.database.sql);
    expect((await fleet.post("/api/v1/alerts/alertmanager", webhook("am", "firing"))).status).toBe(202);
    expect(await rowCounts(app.database.sql)).toEqual(before);
    expect((await detail(alert!.id)).timeline.map((t) => t.kind)).toEqual(["fired"]);
  });

  it("resolves on a resolved alert, ignores a late copy of the old firing, and opens a new occurrence when it fires again", async () => {
    await fleet.post("/api/v1/alerts/alertmanager", webhook("cycle", "firing"));
    const resolved = await fleet.post("/api/v1/alerts/alertmanager", webhook("cycle", "resolved"));
    expect(resolved.status).toBe(202);
    const [first] = await alertsWith("run=cycle");
    expect(first).toMatchObject({ status: "resolved", endsAt: "2026-11-21T10:30:00.000Z" });

    const before = await rowCounts(app.database.sql);
    await fleet.post("/api/v1/alerts/alertmanager", webhook("cycle", "firing"));
    expect(await rowCounts(app.database.sql)).toEqual(before);

    await fleet.post("/api/v1/alerts/alertmanager", webhook("cycle", "firing", "2026-11-21T11:00:00Z"));
    const occurrences = await alertsWith("run=cycle");
    expect(occurrences.map((a) => a.status)).toEqual(["firing", "resolved"]);
    expect(occurrences[0]!.fingerprint).toBe(first!.fingerprint);
    expect(occurrences[0]!.id).not.toBe(first!.id);
    expect((await detail(occurrences[0]!.id)).timeline.map((t) => t.kind)).toEqual(["refired"]);
    expect((await detail(first!.id)).timeline.map((t) => t.kind)).toEqual(["fired", "resolved"]);
  });

  it.each([
    ["no alerts array", { version: "4", status: "firing" }, ["alerts"]],
    ["a status that is neither firing nor resolved", { alerts: [{ ...webhook("bad", "firing").alerts[0], status: "pending" }] }, ["alerts.0.status"]],
    ["labels that are not strings", { alerts: [{ ...webhook("bad", "firing").alerts[0], labels: { alertname: 1 } }] }, ["alerts.0.labels.alertname"]],
    ["a start time that is not a time", { alerts: [{ ...webhook("bad", "firing").alerts[0], startsAt: "yesterday" }] }, ["alerts.0.startsAt"]],
  ])("refuses an Alertmanager payload with %s, naming the path and writing nothing", async (_, body, paths) => {
    const before = await rowCounts(app.database.sql);
    const res = await fleet.post("/api/v1/alerts/alertmanager", body);
    expect(res.status).toBe(400);
    const { issues } = (await res.json()) as { issues: { path: string }[] };
    expect(issues.map((i) => i.path)).toEqual(paths);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });

  it("refuses a native alert without an alertname, writing nothing", async () => {
    const before = await rowCounts(app.database.sql);
    const res = await fleet.post("/api/v1/alerts", [{ labels: { service: "rag-api" } }]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["0.labels"]);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });
});

describe("the alert lifecycle", () => {
  it("acknowledges with who and why, on the timeline and in the audit log; twice is harmless", async () => {
    await fleet.post("/api/v1/alerts", [{ labels: { alertname: "Ack", service: "rag-api", severity: "critical", run: "ack" } }]);
    const [alert] = await alertsWith("run=ack");
    const before = await lastAuditId(app.database.sql);
    const res = await responder.post(`/api/v1/alerts/${alert!.id}/ack`, { note: "looking" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: alert!.id, status: "acknowledged", acknowledgedBy: responderEmail });
    expect((await responder.post(`/api/v1/alerts/${alert!.id}/ack`, {})).status).toBe(200);
    expect((await detail(alert!.id)).timeline.filter((t) => t.kind === "acked")).toEqual([expect.objectContaining({ actor: responderEmail, note: "looking" })]);
    expect((await auditAfter(app.database.sql, before)).map((a) => [a.action, a.actor, a.target, a.reason])).toEqual([
      ["alert.ack", responderEmail, `alert:${alert!.id}`, "looking"],
    ]);
    expect((await viewer.post(`/api/v1/alerts/${alert!.id}/ack`, {})).status).toBe(403);
  });

  it("acknowledges in bulk, counting only those that were firing", async () => {
    await fleet.post("/api/v1/alerts", ["a", "b", "c"].map((n) => ({ labels: { alertname: `Bulk-${n}`, run: "bulk" } })));
    const ids = (await alertsWith("run=bulk")).map((a) => a.id);
    const res = await responder.post("/api/v1/alerts/ack", { ids });
    expect(await res.json()).toEqual({ acknowledged: 3 });
    expect(await (await responder.post("/api/v1/alerts/ack", { ids })).json()).toEqual({ acknowledged: 0 });
    expect((await alertsWith("run=bulk")).map((a) => a.status)).toEqual(["acknowledged", "acknowledged", "acknowledged"]);
  });

  it("resolves with who and why, audited", async () => {
    await fleet.post("/api/v1/alerts", [{ labels: { alertname: "Fixed", run: "resolve" } }]);
    const [alert] = await alertsWith("run=resolve");
    const before = await lastAuditId(app.database.sql);
    const res = await responder.post(`/api/v1/alerts/${alert!.id}/resolve`, { note: "restarted the pod" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "resolved" });
    expect((await auditAfter(app.database.sql, before)).map((a) => [a.action, a.actor])).toEqual([["alert.resolve", responderEmail]]);
    expect((await detail(alert!.id)).timeline.at(-1)).toMatchObject({ kind: "resolved", actor: responderEmail, note: "restarted the pod" });
  });

  it("lists by status, severity, service and label, and counts the firing ones by severity", async () => {
    await fleet.post("/api/v1/alerts", [
      { labels: { alertname: "F1", service: "search", severity: "critical", run: "filter" } },
      { labels: { alertname: "F2", service: "search", severity: "low", run: "filter" } },
      { labels: { alertname: "F3", service: "billing", severity: "critical", run: "filter" } },
    ]);
    const names = async (query: string) =>
      (((await (await viewer.get(`/api/v1/alerts?label=run%3Dfilter&${query}`)).json()) as { alerts: AlertJson[] }).alerts).map((a) => a.labels.alertname).sort();
    expect(await names("service=search")).toEqual(["F1", "F2"]);
    expect(await names("severity=critical")).toEqual(["F1", "F3"]);
    expect(await names("severity=info&status=firing")).toEqual(["F2"]);
    expect(await names("q=F3")).toEqual(["F3"]);
    expect(await names("status=resolved")).toEqual([]);
    const ordered = async (sort: string) =>
      (((await (await viewer.get(`/api/v1/alerts?label=run%3Dfilter&sort=${sort}`)).json()) as { alerts: AlertJson[] }).alerts).map((a) => a.labels.alertname);
    expect(await ordered("alertname")).toEqual(["F1", "F2", "F3"]);
    expect(await ordered("-alertname")).toEqual(["F3", "F2", "F1"]);
    expect((await ordered("severity")).at(-1)).toBe("F2");
    expect((await ordered("-severity"))[0]).toBe("F2");
    expect((await viewer.get("/api/v1/alerts?sort=colour")).status).toBe(400);
    expect((await viewer.get("/api/v1/alerts?sort=severity&before=10")).status).toBe(400);
    const counts = (await (await viewer.get("/api/v1/alerts/counts")).json()) as Record<string, number>;
    expect(counts.critical).toBeGreaterThanOrEqual(2);
    expect(counts.info).toBeGreaterThanOrEqual(1);
    expect((await viewer.get("/api/v1/alerts/999999")).status).toBe(404);
  });
});
