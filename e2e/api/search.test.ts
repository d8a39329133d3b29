import { afterAll, beforeAll, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { rowCounts } from "../support/rows";

/** The command palette's lookup: services, breakers and open alerts by name, a few of each. */

let app: TestApp;
let viewer: Caller;
let fleet: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  viewer = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "viewer")).email) });
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

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
