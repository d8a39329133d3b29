import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken } from "../support/accounts";
import type { TestApp } from "../support/app";
import { startAppWithLane } from "../support/app-with-lane";
import type { Caller } from "../support/http";
import type { TestLane } from "../support/lane";
import { sseReader } from "../support/sse";

let app: TestApp;
let lane: TestLane;
let operator: Caller;
let admin: Caller;

beforeAll(async () => {
  ({ app, lane, operator, admin } = await startAppWithLane());
});
afterAll(async () => {
  await lane?.stop();
  await app?.stop();
});

async function reportedService(name: string): Promise<string> {
  const { token } = await seedServiceToken(app.database.db, name);
  expect((await lane.caller({ bearer: token }).post("/api/v1/report", { service: name, instance: "i-1", breakers: [{ name: "db", state: "closed" }] })).status).toBe(200);
  return token;
}

describe("GET /api/v1/control/{service}/stream on the lane", () => {
  it("sends the document on connect and each committed change in the event", async () => {
    const token = await reportedService("stream-flip");
    const res = await lane.caller({ bearer: token }).get("/api/v1/control/stream-flip/stream?instance=i-1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = sseReader(res);
    const first = await events.next();
    expect(first.event).toBe("control");
    const document = JSON.parse(first.data) as { revision: number };
    expect(first.id).toBe(String(document.revision));

    const override = await operator.send("PUT", "/api/v1/services/stream-flip/breakers/db/override", {
      json: { override: "forced_open", reason: "stream test" },
    });
    expect(override.status).toBe(200);
    const change = await events.next();
    expect(change.event).toBe("control");
    expect(JSON.parse(change.data)).toMatchObject({ revision: document.revision + 1, breakers: { db: { override: "forced_open" } } });
    expect(change.id).toBe(String(document.revision + 1));
    await events.close();
  });

  it("with Last-Event-ID equal to the current revision sends nothing until the next change", async () => {
    const token = await reportedService("stream-resume");
    const current = (await (await lane.caller({ bearer: token }).get("/api/v1/control/stream-resume")).json()) as { revision: number };
    const res = await lane.caller({ bearer: token }).get("/api/v1/control/stream-resume/stream?instance=i-1", {
      headers: { "last-event-id": String(current.revision) },
    });
    const events = sseReader(res);
    await operator.send("PUT", "/api/v1/services/stream-resume/breakers/db/override", { json: { override: "forced_closed", reason: "resume test" } });
    const next = await events.next();
    expect(next.id).toBe(String(current.revision + 1));
    await events.close();
  });

  it("carries a published config body in a config event", async () => {
    const token = await reportedService("stream-config");
    const events = sseReader(await lane.caller({ bearer: token }).get("/api/v1/control/stream-config/stream?instance=i-1&environment=production"));
    expect((await events.next()).event).toBe("control");
    const published = await admin.post("/api/v1/config/stream-config/production/versions", { body: { limit: 5 }, message: "first", expectedVersion: 0 });
    expect(published.status).toBe(201);
    let event = await events.next();
    while (event.event !== "config") event = await events.next();
    expect(JSON.parse(event.data)).toEqual({ environment: "production", version: 1, body: { limit: 5 } });
    await events.close();
  });

  it("refuses a token of another service (403) and a missing instance (400)", async () => {
    const { token } = await seedServiceToken(app.database.db, "someone-else");
    expect((await lane.caller({ bearer: token }).get("/api/v1/control/stream-flip/stream?instance=i-1")).status).toBe(403);
    const { token: own } = await seedServiceToken(app.database.db, "stream-flip");
    expect((await lane.caller({ bearer: own }).get("/api/v1/control/stream-flip/stream")).status).toBe(400);
  });

  it("ends the streams opened with a token once it is revoked, on both ports, and not the streams of the service's other tokens", async () => {
    await reportedService("stream-revoke");
    const revoked = await seedServiceToken(app.database.db, "stream-revoke");
    const { token: kept } = await seedServiceToken(app.database.db, "stream-revoke");
    const open = async (origin: "lane" | "console", bearer: string) => {
      const res = await (origin === "lane" ? lane : app).caller({ bearer }).get("/api/v1/control/stream-revoke/stream?instance=i-1");
      expect(res.status).toBe(200);
      const events = sseReader(res);
      expect((await events.next()).event).toBe("control");
      return events;
    };
    const [onLane, onConsole, other] = await Promise.all([open("lane", revoked.token), open("console", revoked.token), open("lane", kept)]);
    const ended = async (events: ReturnType<typeof sseReader>) => {
      for (;;) await events.next();
    };
    try {
      expect((await admin.delete(`/api/v1/tokens/${revoked.name}`)).status).toBe(200);
      await expect(ended(onLane)).rejects.toThrow("the stream ended");
      await expect(ended(onConsole)).rejects.toThrow("the stream ended");
      expect((await operator.send("PUT", "/api/v1/services/stream-revoke/mode", { json: { mode: "local_queue", reason: "after revoke" } })).status).toBe(200);
      expect(JSON.parse((await other.next()).data)).toMatchObject({ mode: { desired: "local_queue" } });
    } finally {
      await Promise.all([onLane.close(), onConsole.close(), other.close()]);
    }
  });
});

describe("GET /api/v1/control/{service}/stream on the console's port", () => {
  it("serves the same stream: the document on connect, then a flip in the event", async () => {
    const token = await reportedService("stream-console");
    const events = sseReader(await app.caller({ bearer: token }).get("/api/v1/control/stream-console/stream?instance=i-1"));
    const first = await events.next();
    expect(first.event).toBe("control");
    const { revision } = JSON.parse(first.data) as { revision: number };
    const flip = await operator.send("PUT", "/api/v1/services/stream-console/mode", { json: { mode: "local_queue", reason: "console stream test" } });
    expect(flip.status).toBe(200);
    const change = await events.next();
    expect(change.event).toBe("control");
    expect(JSON.parse(change.data)).toMatchObject({ revision: revision + 1, mode: { desired: "local_queue", source: "manual", reason: "console stream test" } });
    await events.close();
  });
});
