import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { startLane, type TestLane } from "../support/lane";

let app: TestApp;
let lane: TestLane;

beforeAll(async () => {
  app = await startApp();
  lane = await startLane(app.databaseUrl);
});
afterAll(async () => {
  await lane?.stop();
  await app?.stop();
});

describe("the service lane", () => {
  it("answers its own health and readiness", async () => {
    expect(await (await fetch(`${lane.url}/api/health`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${lane.url}/api/ready`)).status).toBe(200);
  });

  it("takes a report with a service token and answers the control document, which the console then shows", async () => {
    const { token } = await seedServiceToken(app.database.db, "lane-report");
    const res = await lane.caller({ bearer: token }).post("/api/v1/report", { service: "lane-report", instance: "i-1", controlRevision: 0 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ service: "lane-report", revision: expect.any(Number), mode: { desired: "normal" } });
    const viewer = await seedUser(app.database.db, "viewer");
    const list = (await (await (await app.signedIn(viewer.email, viewer.password)).get("/api/v1/services")).json()) as { services: { name: string }[] };
    expect(list.services.map((s) => s.name)).toContain("lane-report");
  });

  it("refuses without a token (401), with another service's token (403), and never reads a session cookie", async () => {
    const { token } = await seedServiceToken(app.database.db, "other");
    expect((await lane.caller(null).post("/api/v1/report", { service: "lane-x", instance: "i" })).status).toBe(401);
    const refused = await lane.caller({ bearer: token }).post("/api/v1/report", { service: "lane-x", instance: "i" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden" });
    const admin = await seedUser(app.database.db, "admin");
    const session = await app.signedIn(admin.email, admin.password);
    expect((await lane.caller(session.credentials).get("/api/v1/control/lane-x")).status).toBe(401);
  });

  it("answers 400 with the issues for a bad body and 413 past 1 MiB", async () => {
    const { token } = await seedServiceToken(app.database.db, "*");
    const bad = await lane.caller({ bearer: token }).post("/api/v1/report", { service: 5 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "validation", issues: expect.any(Array) });
    const big = await lane.caller({ bearer: token }).send("POST", "/api/v1/metrics", {
      raw: JSON.stringify([{ service: "s", name: "x".repeat(2 * 1024 * 1024), kind: "gauge", value: 1 }]),
      headers: { "content-type": "application/json" },
    });
    expect(big.status).toBe(413);
  });

  it("reads a body sent in chunks with no declared length by the same rules: 413 past 1 MiB, 415 for text, 400 for broken JSON", async () => {
    const { token } = await seedServiceToken(app.database.db, "*");
    const chunked = (parts: string[], type: string) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      });
      return fetch(`${lane.url}/api/v1/metrics`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": type }, body, duplex: "half" } as RequestInit);
    };
    const quarterMiB = "x".repeat(256 * 1024);
    expect((await chunked(["[", ...Array.from({ length: 5 }, () => `"${quarterMiB}",`), "1]"], "application/json")).status).toBe(413);
    expect((await chunked(['[{"service":"s"}]'], "text/plain")).status).toBe(415);
    const broken = await chunked(['[{"service":', '"s"'], "application/json");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: "validation", issues: [{ message: "The body is not valid JSON." }] });
  });

  it("serves the control long-poll with ETag, If-None-Match and wait", async () => {
    const { token } = await seedServiceToken(app.database.db, "lane-poll");
    const caller = lane.caller({ bearer: token });
    const first = await caller.get("/api/v1/control/lane-poll?instance=i-1");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const held = await caller.get("/api/v1/control/lane-poll?instance=i-1&wait=1", { headers: { "if-none-match": etag } });
    expect(held.status).toBe(304);
    expect(held.headers.get("etag")).toBe(etag);
  });

  it("serves the service's config read, the alert and metric intakes, and OTLP", async () => {
    const { token } = await seedServiceToken(app.database.db, "*");
    const caller = lane.caller({ bearer: token });
    expect((await caller.get("/api/v1/config/lane-none/production")).status).toBe(404);
    expect((await caller.post("/api/v1/alerts", [{ labels: { alertname: "LaneAlert", service: "lane-alerts" }, status: "firing" }])).status).toBe(202);
    expect((await caller.post("/api/v1/metrics", [{ service: "lane-metrics", name: "lane_points", kind: "gauge", value: 1 }])).status).toBe(202);
    expect((await caller.post("/api/v1/breakers/events", [])).status).toBe(202);
    expect((await caller.post("/api/otlp/v1/metrics", { resourceMetrics: [] })).status).toBe(200);
  });

  it("answers a refusal given before the body is read, rather than resetting the connection while the client still sends", async () => {
    const body = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ service: "lane-unread", name: "unread_points", kind: "gauge", value: i })));
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const sent = fetch(`${lane.url}/api/v1/metrics`, { method: "POST", headers: { authorization: "Bearer bw_not-a-token", "content-type": "application/json" }, body });
      outcomes.push(await sent.then((r) => String(r.status), (error: Error) => String(error.cause ?? error)));
    }
    expect(outcomes).toEqual(outcomes.map(() => "401"));
  });

  it("answers 404 for paths it does not serve and 405 for a wrong method", async () => {
    expect((await fetch(`${lane.url}/api/v1/services`)).status).toBe(404);
    expect((await fetch(`${lane.url}/api/v1/report`)).status).toBe(405);
  });
});

describe("stopping the lane", () => {
  it("on SIGTERM ends an open long-poll and exits cleanly", async () => {
    const own = await startLane(app.databaseUrl);
    const { token } = await seedServiceToken(app.database.db, "lane-stop");
    const caller = own.caller({ bearer: token });
    const etag = (await caller.get("/api/v1/control/lane-stop")).headers.get("etag")!;
    const held = caller.get("/api/v1/control/lane-stop?wait=60", { headers: { "if-none-match": etag } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const code = await own.stop();
    expect(code).toBe(0);
    expect((await held).status).toBe(304);
  });
});

describe("load shedding", () => {
  it("a burst past the in-flight bound gets 503 with Retry-After while health and the console answer", async () => {
    // Reports are counted in a budget of their own, as many as their batch queue holds: here 2.
    const small = await startLane(app.databaseUrl, { LANE_MAX_IN_FLIGHT: "2", REPORT_BATCH_MAX: "1", REPORT_PENDING_BATCHES: "1" });
    try {
      const { token } = await seedServiceToken(app.database.db, "*");
      const caller = small.caller({ bearer: token });
      const burst = Array.from({ length: 60 }, (_, i) => caller.post("/api/v1/report", { service: "lane-burst", instance: `i-${i}` }));
      const health = fetch(`${small.url}/api/health`);
      const viewer = await seedUser(app.database.db, "viewer");
      const page = (await app.signedIn(viewer.email, viewer.password)).get("/api/v1/services");
      const answers = await Promise.all(burst);
      const refused = answers.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      expect(refused[0]!.headers.get("retry-after")).toBe("2");
      expect(await refused[0]!.json()).toMatchObject({ error: "overloaded" });
      expect((await health).status).toBe(200);
      expect((await page).status).toBe(200);
    } finally {
      await small.stop();
    }
  });
});
