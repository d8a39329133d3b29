import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId, rowCounts } from "../support/rows";

/** Channels, the routing tree and silences, as admins and responders manage them. */

let app: TestApp;
let admin: Caller;
let responder: Caller;
let viewer: Caller;
let fleet: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  admin = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  responder = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "responder")).email) });
  viewer = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "viewer")).email) });
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

describe("channels", () => {
  it("are validated by type, and read back with their secrets masked", async () => {
    const bad = await admin.post("/api/v1/channels", { name: "pd", type: "pagerduty", config: { url: "not a url" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(["config.routingKey", "config.url"]);

    const created = await admin.post("/api/v1/channels", { name: "pd", type: "pagerduty", config: { routingKey: "R0UT1NGKEY" } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "pd", config: { routingKey: "••••••", url: "https://events.pagerduty.com/v2/enqueue" } });
    await admin.post("/api/v1/channels", { name: "team-slack", type: "slack", config: { webhookUrl: "https://hooks.slack.com/services/T0/B0/SECRET" } });
    const listed = (await (await admin.get("/api/v1/channels")).json()) as { channels: { name: string; config: Record<string, unknown> }[] };
    expect(JSON.stringify(listed)).not.toContain("R0UT1NGKEY");
    expect(JSON.stringify(listed)).not.toContain("SECRET");
    expect((await admin.post("/api/v1/channels", { name: "pd", type: "slack", config: { webhookUrl: "https://x.test/" } })).status).toBe(409);
    expect((await responder.get("/api/v1/channels")).status).toBe(403);
  });

  it("keep a secret an edit sends back masked, but never for a new endpoint", async () => {
    await admin.post("/api/v1/channels", { name: "hook", type: "webhook", config: { url: "http://a.test/hook", secret: "s3cret" } });
    expect((await admin.send("PUT", "/api/v1/channels/hook", { json: { config: { url: "http://a.test/hook", secret: "••••••" } } })).status).toBe(200);
    expect((await admin.send("PUT", "/api/v1/channels/hook", { json: { config: { url: "http://b.test/hook", secret: "••••••" } } })).status).toBe(422);
    const [row] = await app.database.sql<{ config: { url: string; secret: string } }[]>`select config from channels where name = 'hook'`;
    expect(row!.config).toEqual({ url: "http://a.test/hook", secret: "s3cret" });
  });
});

describe("the routing tree", () => {
  it("starts as a default tree that names no channel, so it publishes as it is and with a route added", async () => {
    const res = await viewer.get("/api/v1/routing");
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { version: number; tree: { receiver: string; ackTimeoutSeconds: number; routes: unknown[] } };
    expect(fresh).toMatchObject({ version: 0, tree: { receiver: "console", ackTimeoutSeconds: 14_400 } });
    const reach = async (severity: string) =>
      ((await (await viewer.post("/api/v1/routing/test", { labels: { alertname: "X", severity } })).json()) as { routes: { receiver: string; groupWaitSeconds: number }[] }).routes;
    expect((await reach("critical")).map((r) => [r.receiver, r.groupWaitSeconds])).toEqual([["console", 0]]);
    expect((await reach("warning")).map((r) => r.receiver)).toEqual(["console"]);
    expect((await reach("info")).map((r) => r.receiver)).toEqual(["console"]);

    const route = { matchers: [{ label: "team", op: "=", value: "search" }], receiver: "pd" };
    const published = await admin.send("PUT", "/api/v1/routing", { json: { tree: { ...fresh.tree, routes: [route, ...fresh.tree.routes] }, expectedVersion: 0 } });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ version: 1 });
  });

  it("is versioned and audited; a stale version gets 409 and an unknown channel 422 naming it", async () => {
    const tree = { receiver: "console", routes: [{ matchers: [{ label: "service", op: "=~", value: "rag-.*" }], receiver: "pd", continue: true }, { matchers: [], receiver: "team-slack" }] };
    const before = await lastAuditId(app.database.sql);
    const ok = await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 1 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2 });
    expect((await auditAfter(app.database.sql, before)).map((a) => a.action)).toEqual(["routing.update"]);

    const stale = await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });

    const unknown = await admin.send("PUT", "/api/v1/routing", { json: { tree: { ...tree, routes: [{ matchers: [], receiver: "nope" }] }, expectedVersion: 2 } });
    expect(unknown.status).toBe(422);
    const body = (await unknown.json()) as { message: string; issues: { path: string }[] };
    expect(body.message).toContain("nope");
    expect(body.issues.map((i) => i.path)).toEqual(["tree.routes.0.receiver"]);
    expect((await responder.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 2 } })).status).toBe(403);
    const versions = (await (await viewer.get("/api/v1/routing/versions")).json()) as { versions: { version: number; createdBy: string; tree: unknown }[] };
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.versions[0]).toEqual(expect.objectContaining({ version: 2, createdBy: expect.stringContaining("@"), tree: expect.objectContaining({ receiver: "console" }) }));

    const test = (await (await viewer.post("/api/v1/routing/test", { labels: { alertname: "X", service: "rag-api" } })).json()) as { routes: { receiver: string; channel: { type: string } | null }[] };
    expect(test.routes.map((r) => [r.receiver, r.channel?.type])).toEqual([
      ["pd", "pagerduty"],
      ["team-slack", "slack"],
    ]);
  });

  it("previews a candidate tree against the last day's alerts: how many would move, and between which receivers", async () => {
    await fleet.post("/api/v1/alerts", [
      { labels: { alertname: "PreviewDb", service: "rag-db", severity: "critical" } },
      { labels: { alertname: "PreviewDb", service: "rag-db", instance: "b", severity: "critical" } },
      { labels: { alertname: "PreviewSearch", service: "search" } },
    ]);
    const { tree } = (await (await viewer.get("/api/v1/routing")).json()) as { tree: { routes: { receiver: string }[] } };
    const candidate = { ...tree, routes: [{ matchers: [{ label: "service", op: "=", value: "rag-db" }], receiver: "team-slack" }, ...tree.routes] };
    const before = await rowCounts(app.database.sql);
    const res = await viewer.post("/api/v1/routing/preview", { tree: candidate });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { basedOn: number; alerts: number; moved: number; moves: { from: string[]; to: string[]; count: number; examples: string[] }[] };
    expect(preview).toMatchObject({ basedOn: 2, moved: 2 });
    expect(preview.alerts).toBeGreaterThanOrEqual(3);
    expect(preview.moves).toEqual([{ from: ["pd", "team-slack"], to: ["team-slack"], count: 2, examples: ["PreviewDb"] }]);
    expect(await rowCounts(app.database.sql)).toEqual(before);
    expect((await viewer.post("/api/v1/routing/preview", { tree: { routes: [] } })).status).toBe(400);
  });
});

describe("silences", () => {
  const endsAt = () => new Date(Date.now() + 3_600_000).toISOString();

  it("refuse one that would match every alert, writing nothing", async () => {
    const before = await rowCounts(app.database.sql);
    const res = await responder.post("/api/v1/silences", { matchers: [{ label: "alertname", op: "=~", value: ".*" }], endsAt: endsAt(), comment: "everything" });
    expect(res.status).toBe(422);
    const after = await rowCounts(app.database.sql);
    expect(after).toEqual({ ...before, audit_events: after.audit_events });
    expect((await viewer.post("/api/v1/silences", { matchers: [{ label: "alertname", op: "=", value: "X" }], endsAt: endsAt(), comment: "no" })).status).toBe(403);
  });

  it("preview, silence and, once expired, release the alerts they match, audited", async () => {
    await fleet.post("/api/v1/alerts", [
      { labels: { alertname: "Noisy", service: "search", instance: "a" } },
      { labels: { alertname: "Noisy", service: "search", instance: "b" } },
      { labels: { alertname: "Noisy", service: "billing" } },
    ]);
    const matchers = [
      { label: "alertname", op: "=", value: "Noisy" },
      { label: "service", op: "!=", value: "billing" },
    ];
    const preview = (await (await viewer.post("/api/v1/silences/preview", { matchers })).json()) as { count: number; matchesEveryAlert: boolean };
    expect(preview).toMatchObject({ count: 2, matchesEveryAlert: false });

    const before = await lastAuditId(app.database.sql);
    const created = await responder.post("/api/v1/silences", { matchers, endsAt: endsAt(), comment: "reindexing" });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as { id: string; state: string; matchedAlerts: number };
    expect(silence).toMatchObject({ state: "active", matchedAlerts: 2 });
    const statuses = async () =>
      (((await (await viewer.get("/api/v1/alerts?label=alertname%3DNoisy")).json()) as { alerts: { status: string; labels: Record<string, string> }[] }).alerts)
        .map((a) => `${a.labels.service}/${a.labels.instance ?? "-"}:${a.status}`)
        .sort();
    expect(await statuses()).toEqual(["billing/-:firing", "search/a:silenced", "search/b:silenced"]);
    const listed = (await (await viewer.get("/api/v1/silences")).json()) as { silences: { id: string; state: string }[] };
    expect(listed.silences.find((s) => s.id === silence.id)).toMatchObject({ state: "active" });

    expect((await responder.delete(`/api/v1/silences/${silence.id}`)).status).toBe(200);
    expect((await responder.delete(`/api/v1/silences/${silence.id}`)).status).toBe(200);
    expect(await statuses()).toEqual(["billing/-:firing", "search/a:firing", "search/b:firing"]);
    expect((await auditAfter(app.database.sql, before)).map((a) => [a.action, a.target])).toEqual([
      ["silence.create", `silence:${silence.id}`],
      ["silence.expire", `silence:${silence.id}`],
    ]);
  });
});
