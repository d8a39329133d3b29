import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** Regexes from people run on a linear-time engine: a backtracking pattern cannot freeze the process. */

const HOSTILE = "(((.*)*)*)*x";
const longValue = "a".repeat(60);

let app: TestApp;
let viewer: Caller;
let responder: Caller;
let fleet: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  viewer = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "viewer")).email) });
  responder = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "responder")).email) });
  fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
  const alerts = Array.from({ length: 20 }, (_, i) => ({ labels: { alertname: `Hostile${i}`, service: "rag-api", host: longValue } }));
  expect((await fleet.post("/api/v1/alerts", alerts)).status).toBe(202);
});
afterAll(() => app?.stop());

describe("a backtracking matcher", () => {
  it("previewed by a viewer answers, and /api/health answers while it runs", async () => {
    const [preview, health] = await Promise.all([
      viewer.post("/api/v1/silences/preview", { matchers: [{ label: "host", op: "=~", value: HOSTILE }] }),
      app.caller(null).get("/api/health"),
    ]);
    expect(preview.status).toBe(200);
    expect(health.status).toBe(200);
  });

  it("saved as a silence does not stall alert intake", async () => {
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const saved = await responder.post("/api/v1/silences", { matchers: [{ label: "host", op: "=~", value: HOSTILE }], endsAt, comment: "hostile pattern" });
    expect(saved.status).toBe(201);
    const intake = await fleet.post("/api/v1/alerts", [{ labels: { alertname: "AfterHostile", service: "rag-api", host: longValue } }]);
    expect(intake.status).toBe(202);
  });

  it("is refused when RE2 cannot run it or it is past 1,000 characters, naming the matcher", async () => {
    for (const value of ["(?=a)a", "a".repeat(1001)]) {
      const res = await viewer.post("/api/v1/silences/preview", { matchers: [{ label: "service", op: "=", value: "x" }, { label: "host", op: "=~", value }] });
      expect(res.status).toBe(400);
      expect(new Set(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path))).toEqual(new Set(["matchers.1.value"]));
    }
  });
});
