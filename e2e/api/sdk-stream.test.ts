import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBreakwaterClient, type BreakwaterClient, type BreakwaterClientOptions } from "@/lib/sdk";
import { seedServiceToken, unique } from "../support/accounts";
import type { TestApp } from "../support/app";
import { startAppWithLane } from "../support/app-with-lane";
import type { Caller } from "../support/http";
import { startLane, type TestLane } from "../support/lane";
import { startProxy, type TestProxy } from "../support/proxy";
import { eventually } from "./sdk-fixture";

/** The SDK on the control stream of the real lane: flips and configs in the events, resumes, fallback to the long-poll. */
let app: TestApp;
let lane: TestLane;
let operator: Caller;
let admin: Caller;
const clients: BreakwaterClient[] = [];
const proxies: TestProxy[] = [];

beforeAll(async () => {
  ({ app, lane, operator, admin } = await startAppWithLane());
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await lane?.stop();
  await app?.stop();
});

async function clientOn(url: string, service: string, extra: Partial<BreakwaterClientOptions> = {}) {
  const { token } = await seedServiceToken(app.database.db, service);
  const requests: string[] = [];
  const client = createBreakwaterClient({
    url,
    token,
    service,
    instance: unique(service),
    environment: "production",
    heartbeatMs: 60_000,
    fetch: (input, init) => {
      requests.push(new URL(String(input)).pathname + new URL(String(input)).search);
      return fetch(input, init);
    },
    ...extra,
  });
  clients.push(client);
  await eventually("the instance holds its control document", () => client.control() ?? undefined);
  // The console knows a service from its first report; only then can it be flipped.
  await client.report();
  return { client, requests };
}

const flip = async (service: string, mode: string) =>
  expect((await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { mode, reason: `sdk stream test: ${mode}` } })).status).toBe(200);

const longPolls = (paths: string[]) => paths.filter((p) => p.includes("wait="));

describe("the SDK on the control stream", () => {
  it("gets a flip and a published config in the stream's events, asking for neither", async () => {
    const service = "sdk-stream-push";
    const { client, requests } = await clientOn(lane.url, service);
    const modes: string[] = [];
    const configs: { config: Record<string, unknown>; version: number }[] = [];
    client.onModeChange((mode) => modes.push(mode));
    client.onConfigChange((config, version) => configs.push({ config, version }));

    await flip(service, "local_queue");
    await eventually("onModeChange fires", () => modes[0]);
    expect(client.currentMode()).toBe("local_queue");

    const published = await admin.post(`/api/v1/config/${service}/production/versions`, { body: { limit: 7 }, message: "stream", expectedVersion: 0 });
    expect(published.status).toBe(201);
    await eventually("onConfigChange fires", () => configs[0]);
    expect(configs).toEqual([{ config: { limit: 7 }, version: 1 }]);
    expect(client.config()).toEqual({ limit: 7 });

    const controlReads = requests.filter((p) => p.startsWith("/api/v1/control/") || p.startsWith("/api/v1/config/"));
    expect(controlReads.every((p) => p.startsWith(`/api/v1/control/${service}/stream?`))).toBe(true);
    expect(controlReads).toHaveLength(1);
  });

  it("keeps its last document while the lane is down, and resumes from its revision when it is back", async () => {
    const service = "sdk-stream-restart";
    const { client, requests } = await clientOn(lane.url, service);
    await flip(service, "reduced_performance");
    await eventually("the flip arrives", () => (client.currentMode() === "reduced_performance" ? true : undefined));
    const before = client.control()!.revision;

    const port = new URL(lane.url).port;
    expect(await lane.stop()).toBe(0);
    await flip(service, "emergency");
    expect(client.currentMode()).toBe("reduced_performance");

    lane = await startLane(app.databaseUrl, { SERVICE_PORT: port });
    await eventually("the flip made while the lane was down arrives on reconnecting", () => (client.currentMode() === "emergency" ? true : undefined), 45_000);
    expect(client.control()!.revision).toBe(before + 1);
    expect(longPolls(requests)).toEqual([]);
  }, 60_000);

  it("falls back to the long-poll when a proxy refuses the stream", async () => {
    const service = "sdk-stream-refused";
    const proxy = await startProxy(lane.url, (req, res) => {
      if (!req.url?.includes("/stream")) return false;
      res.writeHead(404, { "content-type": "text/plain" }).end("no streams here");
      return true;
    });
    proxies.push(proxy);
    const { client, requests } = await clientOn(proxy.url, service);
    await eventually("the client waits on the long-poll", () => (longPolls(requests).length > 0 ? true : undefined));
    await flip(service, "local_queue");
    await eventually("the flip arrives over the long-poll", () => (client.currentMode() === "local_queue" ? true : undefined));
    expect(requests.filter((p) => p.includes("/stream"))).toHaveLength(1);
  });

  it("falls back to the long-poll when a proxy keeps cutting the stream", async () => {
    const service = "sdk-stream-cut";
    const proxy = await startProxy(lane.url, (req, res) => {
      if (!req.url?.includes("/stream")) return false;
      res.writeHead(200, { "content-type": "text/event-stream" }).end();
      return true;
    });
    proxies.push(proxy);
    const { client, requests } = await clientOn(proxy.url, service, { control: "stream" });
    await eventually("the client gives up on the stream", () => (longPolls(requests).length > 0 ? true : undefined), 30_000);
    expect(requests.filter((p) => p.includes("/stream"))).toHaveLength(3);
    await flip(service, "emergency");
    await eventually("the flip arrives over the long-poll", () => (client.currentMode() === "emergency" ? true : undefined));
  }, 45_000);

  it("waits out a busy console's Retry-After before connecting again", async () => {
    const service = "sdk-stream-busy";
    let refusals = 1;
    const proxy = await startProxy(lane.url, (req, res) => {
      if (!req.url?.includes("/stream") || refusals-- <= 0) return false;
      res.writeHead(503, { "retry-after": "2", "content-type": "application/json" }).end('{"error":"overloaded"}');
      return true;
    });
    proxies.push(proxy);
    const { client } = await clientOn(proxy.url, service);
    const attempts = () => proxy.seen.filter((r) => r.path.includes("/stream"));
    const [refused, again] = await eventually("the stream is tried again", () => (attempts().length >= 2 ? attempts() : undefined));
    expect(again!.at - refused!.at).toBeGreaterThanOrEqual(2_000);
    await flip(service, "local_queue");
    await eventually("the flip arrives", () => (client.currentMode() === "local_queue" ? true : undefined));
  });
});
