import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncIncidents } from "@/lib/domain/incidents/sync-incidents";
import { seedServiceToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { eventually } from "./sdk-fixture";

/** From an alert to the fix: what changed before it, the moves that fit it, and the incident it belongs to. */

const QUIET_SECONDS = 2;

let app: TestApp;
let admin: Caller;
let operator: Caller;
let responder: Caller;
let viewer: Caller;
let fleet: Caller;
let operatorEmail: string;

beforeAll(async () => {
  app = await startApp({ env: { INCIDENT_QUIET_SECONDS: String(QUIET_SECONDS) } });
  const { db } = app.database;
  const callers: Caller[] = [];
  for (const role of ["admin", "operator", "responder", "viewer"] as const) {
    const user = await seedUser(db, role);
    if (role === "operator") operatorEmail = user.email;
    callers.push(await app.signedIn(user.email, user.password));
  }
  [admin, operator, responder, viewer] = callers as [Caller, Caller, Caller, Caller];
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

interface Change {
  at: string;
  kind: string;
  service: string;
  summary: string;
  actor: string | null;
  auditId: number | null;
  lastBeforeFiring: boolean;
}
interface Action {
  kind: string;
  service: string;
  reason: string;
  alertId: number;
  effect: string;
  mode?: string;
  breaker?: string;
  override?: string;
  environment?: string;
  toVersion?: number;
  expectedVersion?: number;
}
interface Entry {
  at: string;
  kind: string;
  summary: string;
  actor: string | null;
  alertId: number | null;
  auditId: number | null;
  auditHash: string | null;
}
interface Incident {
  id: number;
  status: string;
  severity: string;
  services: string[];
  alertIds: number[];
  timeline: Entry[];
}

async function report(service: string, breakers: { name: string; state: string }[] = [{ name: "openai", state: "closed" }]) {
  for (const instance of ["a", "b", "c"]) {
    const res = await fleet.post("/api/v1/report", { service, instance: `${service}-${instance}`, breakers });
    expect(res.status).toBe(200);
  }
}

async function publish(service: string, bodies: Record<string, unknown>[]) {
  let version = 0;
  for (const body of bodies) {
    const res = await admin.post(`/api/v1/config/${service}/production/versions`, { body, message: `v${version + 1}`, expectedVersion: version });
    expect(res.status).toBe(201);
    version += 1;
  }
}

async function fire(service: string, labels: Record<string, string> = {}, severity = "critical"): Promise<number> {
  const alertname = unique("HighErrorRate");
  expect((await fleet.post("/api/v1/alerts", [{ labels: { alertname, service, severity, ...labels }, status: "firing" }])).status).toBe(202);
  const [row] = await app.database.sql<{ id: number }[]>`select id::int as id from alerts where labels->>'alertname' = ${alertname}`;
  return row!.id;
}

async function context(id: number, as: Caller = viewer): Promise<{ changes: Change[]; actions: Action[] }> {
  const res = await as.get(`/api/v1/alerts/${id}/context`);
  expect(res.status).toBe(200);
  return (await res.json()) as { changes: Change[]; actions: Action[] };
}

async function incidentOf(alertId: number): Promise<Incident> {
  // The console's own job may hold the sync's try-lock, and then this round does nothing; the next one joins it.
  const row = await eventually(`alert ${alertId} is in an incident`, async () => {
    await syncIncidents(app.database.db, QUIET_SECONDS);
    const [found] = await app.database.sql<{ id: number }[]>`select incident_id::int as id from incident_alerts where alert_id = ${alertId}`;
    return found;
  });
  const res = await viewer.get(`/api/v1/incidents/${row.id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Incident;
}

describe("an alert's context", () => {
  it("lists the flip, override and publish of its service made before it fired, and none of another service's", async () => {
    const service = unique("ctx");
    const other = unique("other");
    await report(service);
    await report(other);
    expect((await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { mode: "reduced_performance", reason: "latency" } })).status).toBe(200);
    expect((await operator.send("PUT", `/api/v1/services/${service}/breakers/openai/override`, { json: { override: "forced_closed", reason: "flaky health" } })).status).toBe(200);
    await publish(service, [{ pool: 10 }, { pool: 0 }]);
    expect((await operator.send("PUT", `/api/v1/services/${other}/mode`, { json: { mode: "emergency", reason: "elsewhere" } })).status).toBe(200);
    await publish(other, [{ pool: 1 }, { pool: 2 }]);
    const id = await fire(service);

    const { changes: all } = await context(id);
    expect(all.map((c) => c.service).every((s) => s === service)).toBe(true);
    // The reports recorded the breakers' first states too; the decisions are what this checks.
    const changes = all.filter((c) => c.kind !== "breaker");
    expect(changes.map((c) => [c.kind, c.summary])).toEqual([
      ["mode", "mode flipped to reduced_performance"],
      ["override", "openai forced closed"],
      ["config", "config production version 1 published"],
      ["config", "config production version 2 published"],
    ]);
    for (const change of changes) {
      expect(change.auditId).toBeGreaterThan(0);
      expect(change.actor).toMatch(/@example\.com$/);
    }
    expect(all.filter((c) => c.lastBeforeFiring).map((c) => c.summary)).toEqual(["config production version 2 published"]);
    const [audited] = await app.database.sql<{ action: string }[]>`select action from audit_events where id = ${changes[0]!.auditId!}`;
    expect(audited!.action).toBe("mode.set");
  });

  it("suggests the next mode down, the breaker named or open, and a rollback, each only when it fits", async () => {
    const service = unique("fit");
    await report(service, [
      { name: "openai", state: "open" },
      { name: "vector-db", state: "closed" },
      { name: "cache", state: "closed" },
    ]);
    await publish(service, [{ pool: 10 }, { pool: 0 }]);
    const id = await fire(service, { breaker: "vector-db" });
    const { actions } = await context(id);
    expect(actions.map((a) => a.kind).sort()).toEqual(["flip_mode", "force_breaker", "force_breaker", "rollback_config"]);
    expect(actions.find((a) => a.kind === "flip_mode")).toMatchObject({ service, mode: "reduced_performance", alertId: id, effect: `reduced_performance on 3 instances of ${service}` });
    expect(actions.filter((a) => a.kind === "force_breaker").map((a) => a.breaker).sort()).toEqual(["openai", "vector-db"]);
    expect(actions.find((a) => a.kind === "rollback_config")).toMatchObject({ environment: "production", toVersion: 1, expectedVersion: 2 });
    for (const action of actions) expect(action.reason).toContain(`#${id}`);

    const bare = unique("bare");
    await report(bare, [{ name: "openai", state: "closed" }]);
    expect((await operator.send("PUT", `/api/v1/services/${bare}/mode`, { json: { mode: "emergency", reason: "bottom of the ladder" } })).status).toBe(200);
    expect((await context(await fire(bare))).actions).toEqual([]);
    expect(await context(await fire(unique("unknown")))).toEqual({ changes: [], actions: [] });
  });

  it("records an action sent with alertId in the audit event and on the alert's and the incident's timelines", async () => {
    const service = unique("act");
    await report(service);
    await publish(service, [{ pool: 10 }, { pool: 0 }]);
    const id = await fire(service);
    const { actions } = await context(id);
    const flip = actions.find((a) => a.kind === "flip_mode")!;
    const res = await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: flip });
    expect(res.status).toBe(200);
    const [audited] = await app.database.sql<{ id: number; after: { alertId: number }; reason: string }[]>`
      select id::int as id, after, reason from audit_events where action = 'mode.set' and target = ${`service:${service}`} order by id desc limit 1`;
    expect(audited).toMatchObject({ after: { alertId: id }, reason: flip.reason });

    const rollback = actions.find((a) => a.kind === "rollback_config")!;
    expect((await operator.post(`/api/v1/config/${service}/production/rollback`, rollback)).status).toBe(403);
    expect((await admin.post(`/api/v1/config/${service}/production/rollback`, rollback)).status).toBe(201);

    const detail = (await (await viewer.get(`/api/v1/alerts/${id}`)).json()) as { timeline: { kind: string; actor: string; detail: { summary: string } | null }[] };
    const fromAlert = detail.timeline.filter((t) => t.kind === "action");
    expect(fromAlert.map((t) => [t.detail?.summary, t.actor])).toEqual([
      ["mode flipped to reduced_performance", operatorEmail],
      ["config production rolled back to version 1", expect.stringMatching(/^admin-/)],
    ]);

    const incident = await incidentOf(id);
    const flipped = incident.timeline.find((e) => e.kind === "mode")!;
    expect(flipped).toMatchObject({ summary: "mode flipped to reduced_performance", actor: operatorEmail, alertId: id, auditId: audited!.id });
    expect(incident.timeline.map((e) => e.kind).filter((k) => k !== "breaker")).toEqual(["config", "config", "alert", "mode", "config"]);

    const stranger = await fire(unique("stranger"));
    const refused = await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { ...flip, alertId: stranger } });
    expect(refused.status).toBe(422);
    expect((await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { ...flip, alertId: 999_999_999 } })).status).toBe(422);
  });
});

describe("incidents", () => {
  it("open for a critical or warning alert, join later alerts of the service, and resolve after a quiet period", async () => {
    const service = unique("inc");
    const early = await fire(service, {}, "info");
    await syncIncidents(app.database.db, QUIET_SECONDS);
    const none = (await (await viewer.get("/api/v1/incidents?status=open")).json()) as { items: Incident[] };
    expect(none.items.filter((i) => i.services.includes(service))).toEqual([]);

    const first = await fire(service, {}, "warning");
    const opened = await incidentOf(first);
    expect(opened).toMatchObject({ status: "open", severity: "warning", services: [service], alertIds: [first] });
    const second = await fire(service, {}, "critical");
    const info = await fire(service, {}, "info");
    const joined = await incidentOf(second);
    expect(joined).toMatchObject({ id: opened.id, severity: "critical" });
    // The info alert that fired before the incident opened stays out of it, and its firing keeps nothing open.
    expect(joined.alertIds).toEqual([first, second, info]);
    expect(joined.alertIds).not.toContain(early);
    const list = (await (await viewer.get("/api/v1/incidents?status=open")).json()) as { items: Incident[] };
    expect(list.items.filter((i) => i.services.includes(service)).map((i) => i.id)).toEqual([opened.id]);

    expect((await responder.post(`/api/v1/alerts/${first}/ack`, { note: "looking" })).status).toBe(200);
    for (const alert of [first, second, info]) expect((await responder.post(`/api/v1/alerts/${alert}/resolve`, {})).status).toBe(200);
    const resolved = await eventually("the incident resolves by itself", async () => {
      const incident = (await (await viewer.get(`/api/v1/incidents/${opened.id}`)).json()) as Incident & { resolvedAt: string };
      return incident.status === "resolved" ? incident : undefined;
    });
    expect(resolved.timeline.map((e) => e.kind)).toEqual(["alert", "alert", "alert", "ack", "resolve", "resolve", "resolve"]);
    const lastResolution = Date.parse(resolved.timeline.at(-1)!.at);
    expect(Date.parse(resolved.resolvedAt) - lastResolution).toBeGreaterThanOrEqual(QUIET_SECONDS * 1000);

    const again = await fire(service, {}, "warning");
    expect((await incidentOf(again)).id).not.toBe(opened.id);
  });

  it("take notes from responders, audited and on the timeline, and not from viewers", async () => {
    const service = unique("notes");
    const id = await fire(service);
    const incident = await incidentOf(id);
    expect((await responder.post(`/api/v1/incidents/${incident.id}/notes`, { text: "rolled the canary back by hand" })).status).toBe(201);
    expect((await viewer.post(`/api/v1/incidents/${incident.id}/notes`, { text: "me too" })).status).toBe(403);
    expect((await responder.post(`/api/v1/incidents/${incident.id}/notes`, { text: "  " })).status).toBe(400);
    expect((await responder.post("/api/v1/incidents/999999999/notes", { text: "nowhere" })).status).toBe(404);
    const timeline = (await incidentOf(id)).timeline;
    expect(timeline.filter((e) => e.kind === "note").map((e) => e.summary)).toEqual(["rolled the canary back by hand"]);
  });
});

describe("the post-incident record", () => {
  // Last in the file: the chain of this database stays broken afterwards.
  it("carries the audit id and hash of each audited entry as the log has them, and verify catches a tampered one", async () => {
    const service = unique("record");
    await report(service);
    await publish(service, [{ pool: 10 }, { pool: 0 }]);
    const id = await fire(service);
    const flip = (await context(id)).actions.find((a) => a.kind === "flip_mode")!;
    expect((await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: flip })).status).toBe(200);
    const incident = await incidentOf(id);
    expect((await responder.post(`/api/v1/incidents/${incident.id}/notes`, { text: "flipped from the alert" })).status).toBe(201);

    const res = await viewer.get(`/api/v1/incidents/${incident.id}/export?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`incident-${incident.id}.json`);
    const record = (await res.json()) as {
      summary: { services: string[]; severity: string; durationSeconds: number };
      actions: Entry[];
      audit: { entries: { auditId: number; hash: string }[] };
    };
    expect(record.summary).toMatchObject({ services: [service], severity: "critical" });
    expect(record.actions.map((a) => [a.summary, a.actor])).toEqual([
      ["config production version 1 published", expect.stringMatching(/^admin-/)],
      ["config production version 2 published", expect.stringMatching(/^admin-/)],
      ["mode flipped to reduced_performance", operatorEmail],
    ]);
    expect(record.audit.entries).toHaveLength(4);
    const ids = record.audit.entries.map((e) => e.auditId);
    const logged = await app.database.sql<{ id: number; hash: string }[]>`select id::int as id, hash from audit_events where id in ${app.database.sql(ids)} order by id`;
    expect(logged.map((l) => ({ auditId: l.id, hash: l.hash }))).toEqual([...record.audit.entries].sort((a, b) => a.auditId - b.auditId));

    const markdown = await viewer.get(`/api/v1/incidents/${incident.id}/export?format=markdown`);
    expect(markdown.headers.get("content-type")).toContain("text/markdown");
    const text = await markdown.text();
    expect(text).toContain(`# Incident ${incident.id}`);
    expect(text).toContain("mode flipped to reduced_performance");
    expect(text).toContain(record.audit.entries[0]!.hash);
    expect((await viewer.get(`/api/v1/incidents/${incident.id}/export?format=pdf`)).status).toBe(400);

    const victim = ids[2]!;
    await app.database.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update audit_events set reason = 'nothing to see here' where id = ${victim}`;
    });
    const verify = (await (await admin.get("/api/v1/audit/verify")).json()) as { ok: boolean; firstBadId: number };
    expect(verify).toMatchObject({ ok: false, firstBadId: victim });
  });
});
