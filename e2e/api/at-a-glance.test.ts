import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { rowCounts } from "../support/rows";

/** What the console shows at a glance: the Overview's "needs you now", and the command palette's lookup. */

let app: TestApp;
let viewer: Caller;
let fleet: Caller;
let operator: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  viewer = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "viewer")).email) });
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
  operator = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "operator")).email) });
});
afterAll(() => app?.stop());

describe("the command palette's lookup", () => {
  it("finds services, breakers and open alerts by part of their name, the closest first, and treats LIKE wildcards as text", async () => {
    for (const [service, instance] of [["payments-api", "p-1"], ["payments-api", "p-2"], ["old-payments", "o-1"], ["search", "s-1"]]) {
      const breakers = [{ name: "payments-db", state: service === "search" ? "closed" : "open" }];
      expect((await fleet.post("/api/v1/report", { service, instance, breakers })).status).toBe(200);
    }
    await fleet.post("/api/v1/alerts", [{ labels: { alertname: "PaymentsSlow", service: "payments-api" } }, { labels: { alertname: "Unrelated", service: "search" } }]);
    const before = await rowCounts(app.database.sql);

    const res = await viewer.get("/api/v1/search?q=PAYMENTS");
    expect(res.status).toBe(200);
    const found = (await res.json()) as { services: { name: string; instances: number }[]; breakers: { service: string; breaker: string; open: number }[]; alerts: { name: string }[] };
    expect(found.services).toEqual([
      { name: "payments-api", instances: 2 },
      { name: "old-payments", instances: 1 },
    ]);
    expect(found.breakers.map((b) => [b.service, b.breaker, b.open])).toEqual([
      ["old-payments", "payments-db", 1],
      ["payments-api", "payments-db", 2],
      ["search", "payments-db", 0],
    ]);
    expect(found.alerts.map((a) => a.name)).toEqual(["PaymentsSlow"]);

    const wildcard = (await (await viewer.get("/api/v1/search?q=%25")).json()) as { services: unknown[]; breakers: unknown[] };
    expect(wildcard).toMatchObject({ services: [], breakers: [] });
    expect((await viewer.get("/api/v1/search?q=")).status).toBe(400);
    expect((await viewer.get(`/api/v1/search?q=${"x".repeat(101)}`)).status).toBe(400);
    expect(await rowCounts(app.database.sql)).toEqual(before);
  });
});

describe("needs you now", () => {
  type Attention = {
    alerts: { firing: Record<string, number>; oldestUnacknowledged: { name: string; service: string } | null };
    breakers: { service: string; breaker: string; open: number; instances: number }[];
    modes: { service: string; mode: string; source: string; setBy: string | null; reason: string | null }[];
    expiring: { kind: string; service: string; breaker: string | null; value: string }[];
    instances: { service: string; stale: number }[];
  };
  const read = async () => (await (await viewer.get("/api/v1/attention")).json()) as Attention;

  it("lists firing alerts with the oldest critical one, open breakers with counts, services off normal and overrides about to expire", async () => {
    for (const instance of ["g-1", "g-2", "g-3"]) {
      const breakers = [{ name: "ledger", state: instance === "g-3" ? "closed" : "open" }];
      expect((await fleet.post("/api/v1/report", { service: "glance", instance, breakers })).status).toBe(200);
    }
    await fleet.post("/api/v1/alerts", [
      { labels: { alertname: "LedgerDown", service: "glance", severity: "critical" }, startsAt: new Date(Date.now() - 600_000).toISOString() },
      { labels: { alertname: "LedgerSlow", service: "glance", severity: "critical" } },
      { labels: { alertname: "DiskWarm", service: "glance", severity: "warning" } },
    ]);
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    expect((await operator.send("PUT", "/api/v1/services/glance/mode", { json: { mode: "local_queue", reason: "ledger outage", expiresAt: soon } })).status).toBe(200);

    const now = await read();
    // The palette's test above fired two warnings of its own.
    expect(now.alerts.firing).toEqual({ critical: 2, warning: 3, info: 0 });
    expect(now.alerts.oldestUnacknowledged).toMatchObject({ name: "LedgerDown", service: "glance" });
    expect(now.breakers.filter((b) => b.service === "glance")).toEqual([expect.objectContaining({ breaker: "ledger", open: 2, instances: 3 })]);
    expect(now.modes.find((m) => m.service === "glance")).toMatchObject({ mode: "local_queue", source: "manual", reason: "ledger outage", setBy: expect.stringContaining("@") });
    expect(now.expiring.filter((e) => e.service === "glance")).toEqual([expect.objectContaining({ kind: "mode", value: "local_queue" })]);
  });

  it("clears each item when what it names is dealt with", async () => {
    const alerts = (await (await viewer.get("/api/v1/alerts?status=open")).json()) as { alerts: { id: number }[] };
    for (const { id } of alerts.alerts) expect((await operator.post(`/api/v1/alerts/${id}/ack`, {})).status).toBe(200);
    for (const instance of ["g-1", "g-2"]) await fleet.post("/api/v1/report", { service: "glance", instance, breakers: [{ name: "ledger", state: "closed" }] });
    expect((await operator.send("DELETE", "/api/v1/services/glance/mode", { json: { reason: "ledger back" } })).status).toBe(200);

    const after = await read();
    expect(after.alerts).toEqual({ firing: { critical: 0, warning: 0, info: 0 }, oldestUnacknowledged: null });
    expect(after.breakers.filter((b) => b.service === "glance")).toEqual([]);
    expect(after.modes.filter((m) => m.service === "glance")).toEqual([]);
    expect(after.expiring.filter((e) => e.service === "glance")).toEqual([]);
  });
});

