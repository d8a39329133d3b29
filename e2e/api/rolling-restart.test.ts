import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { startBalancer, type TestBalancer } from "../support/balancer";
import { startCluster, type ClusterNode, type TestCluster } from "../support/cluster";
import { fleetTraffic, openTab, readyStatus, sendUntilAccepted as sendUntilAcceptedAt, type Tab } from "../support/fleet";
import { holdsLocalPort } from "../support/processes";
import { startHoldingReceiver, startHttpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/**
 * Three consoles, each with its lane, on one PostgreSQL, behind two test balancers (one over the
 * consoles, one over the lanes), with reports, alerts, SDK instances and browser-like event streams
 * going through them: one node is stopped with SIGTERM while it holds a delivery in flight, then
 * another's lane is SIGKILLed under an SDK's stream.
 */

const SERVICE = unique("rolling");

let cluster: TestCluster;
let consoles: TestBalancer;
let lanes: TestBalancer;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let holding: Awaited<ReturnType<typeof startHoldingReceiver>>;
let fleetToken: string;
let operatorToken: string;
let viewerCookie: string;
/** The node stopped by the first test. */
let stopped: ClusterNode | undefined;
const sdks: { client: BreakwaterClient; instance: string; path: "stream" | "long-poll" }[] = [];
const tabs: Tab[] = [];

beforeAll(async () => {
  [cluster, receiver, holding] = await Promise.all([startCluster(3), startHttpReceiver(), startHoldingReceiver()]);
  [consoles, lanes] = await Promise.all([startBalancer(cluster.nodes.map((n) => n.url)), startBalancer(cluster.nodes.map((n) => n.laneUrl))]);
  const { db } = cluster.database;
  const first = cluster.nodes[0]!;
  fleetToken = (await seedServiceToken(db, "*")).token;
  operatorToken = await seedPersonalToken(db, (await seedUser(db, "operator")).email);
  const viewer = await seedUser(db, "viewer");
  viewerCookie = ((await first.signedIn(viewer.email, viewer.password)).credentials as { cookie: string }).cookie;
  const admin = first.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  for (const [name, url] of [["hook", `${receiver.url}/hook`], ["held", `${holding.url}/held`]]) {
    expect((await admin.post("/api/v1/channels", { name, type: "webhook", config: { url } })).status).toBe(201);
  }
  const routes = [{ matchers: [{ label: "team", op: "=", value: "held" }], receiver: "held" }];
  const tree = { receiver: "hook", groupBy: ["alertname", "service"], groupWaitSeconds: 0, routes };
  expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
}, 300_000);

afterAll(async () => {
  sdks.forEach((s) => s.client.close());
  tabs.forEach((t) => t.close());
  await Promise.all([consoles?.close(), lanes?.close()]);
  await cluster?.stop();
  await Promise.all([receiver?.stop(), holding?.stop()]);
});

const sendUntilAccepted = (path: string, body: unknown) => sendUntilAcceptedAt(lanes.url, fleetToken, path, body);

const backendOf = (balancer: TestBalancer, pathPart: string) => balancer.routed.findLast((r) => r.path.includes(pathPart))?.backend;
const tabConsole = (tab: Tab) => backendOf(consoles, `tab=${tab.name}`);
const sdkLane = (sdk: (typeof sdks)[number]) => backendOf(lanes, `instance=${sdk.instance}`);
const modeEvents = (tab: Tab) => tab.events.filter((e) => e.event === "mode" && e.data.includes(SERVICE)).length;

function startSdk(path: "stream" | "long-poll", token = fleetToken) {
  const instance = unique("sdk");
  const client = createBreakwaterClient({ url: lanes.url, token, service: SERVICE, instance, environment: "production", heartbeatMs: 500, controlWaitSeconds: 5, control: path });
  const sdk = { client, instance, path };
  sdks.push(sdk);
  return sdk;
}

async function flip(mode: string): Promise<void> {
  const res = await fetch(`${consoles.url}/api/v1/services/${SERVICE}/mode`, {
    method: "PUT",
    headers: { authorization: `Bearer ${operatorToken}`, "content-type": "application/json" },
    body: JSON.stringify({ mode, reason: `rolling restart test: ${mode}` }),
  });
  expect(res.status).toBe(200);
}

const everySdkIn = (mode: string) => until(() => sdks.map((s) => s.client.currentMode()), (modes) => modes.every((m) => m === mode));

describe("a rolling restart behind a balancer", () => {
  it("stops one node gracefully under traffic: its streams move, its in-flight delivery finishes there, and nothing is lost or sent twice", { timeout: 180_000 }, async () => {
    expect(await sendUntilAccepted("/api/v1/report", { service: SERVICE, instance: unique("first"), controlRevision: 0 })).toEqual({ status: 200, attempts: 1, unexpected: [] });
    // SDK instances until every lane holds a stream, and one on the long-poll.
    for (let i = 0; i < 12 && new Set(sdks.map(sdkLane)).size < cluster.nodes.length; i++) {
      const sdk = startSdk("stream");
      await until(() => sdkLane(sdk), Boolean);
    }
    startSdk("long-poll");
    for (let i = 0; i < 9 && new Set(tabs.map(tabConsole)).size < cluster.nodes.length; i++) {
      const tab = openTab(consoles.url, viewerCookie);
      tabs.push(tab);
      await until(() => tabConsole(tab), Boolean);
    }
    expect(new Set(sdks.map(sdkLane)).size).toBe(cluster.nodes.length);
    expect(new Set(tabs.map(tabConsole)).size).toBe(cluster.nodes.length);
    await until(() => sdks.every((s) => s.client.control() !== null), Boolean);
    await flip("reduced_performance");
    await everySdkIn("reduced_performance");
    await until(() => tabs.every((t) => modeEvents(t) >= 1), Boolean);

    const load = fleetTraffic(lanes.url, fleetToken, SERVICE);
    await until(() => load.alerts.length, (n) => n >= 3);
    expect((await sendUntilAccepted("/api/v1/alerts", [{ labels: { alertname: unique("HeldAlert"), service: SERVICE, team: "held" }, status: "firing" }])).status).toBe(202);
    const [held] = await until(() => holding.requests, (r) => r.length > 0);
    stopped = cluster.nodes.find((node) => holdsLocalPort(node.console.pid, held!.remotePort));
    expect(stopped).toBeDefined();
    const node = stopped!;
    const exits = Promise.all([node.console.stop(), node.lane.stop()]);

    const moved = tabs.filter((t) => tabConsole(t) === node.url);
    // While its delivery is in flight the console still takes connections, and says it is not to get traffic.
    // The receiver answers well within the sender's 10 s timeout.
    expect(await until(() => readyStatus(node.url), (s) => s === 503)).toBe(503);
    holding.release();
    // 143 is the graceful exit after SIGTERM, once the drain was done; the stop limit would exit 1.
    expect(await exits).toEqual([143, 0]);

    // Its tabs got the stop's retry hint (the stream's first one is 3 s) and are on other consoles now.
    await until(() => moved.every((t) => t.opens >= 2), Boolean);
    expect(moved.map((t) => tabConsole(t))).not.toContain(node.url);
    expect(moved.map((t) => t.lastHint! <= 1_500)).toEqual(moved.map(() => true));

    await flip("emergency");
    await everySdkIn("emergency");
    await until(() => tabs.every((t) => modeEvents(t) >= 2), Boolean);
    expect(sdks.map(sdkLane)).not.toContain(node.laneUrl);

    await until(() => load.alerts.length, (n) => n >= 10);
    await load.stop();
    expect(load.outcomes.filter((o) => o.status !== 200 && o.status !== 202)).toEqual([]);

    const { sql } = cluster.database;
    const unsettled = await until(
      async () => (await sql<{ n: number }[]>`
        select count(*)::int as n from deliveries d join alerts al on al.id = d.alert_id
        where al.service = ${SERVICE} and d.status in ('pending', 'sending')`)[0]!.n,
      (open) => open === 0,
      60_000,
    );
    expect(unsettled).toBe(0);
    const stored = await sql<{ name: string }[]>`select labels->>'alertname' as name from alerts where service = ${SERVICE}`;
    expect(stored.map((a) => a.name)).toEqual(expect.arrayContaining(load.alerts));
    const answered = receiver.at("/hook").filter((r) => r.status === 202);
    expect(load.alerts.map((name) => answered.filter((r) => r.raw.includes(name)).length)).toEqual(load.alerts.map(() => 1));
    expect(holding.requests.map((r) => r.status)).toEqual(["held"]);
    const heldRows = await sql<{ status: string; attempts: number }[]>`
      select d.status, d.attempts from deliveries d join alerts al on al.id = d.alert_id where al.labels->>'team' = 'held'`;
    expect(heldRows).toEqual([{ status: "sent", attempts: 1 }]);
  });

  it("an SDK instance whose lane is SIGKILLed reconnects through the balancer to another and catches up on a flip made while it was cut off", { timeout: 90_000 }, async () => {
    // A token of its own, so the balancer can cut this instance off from every lane (its reports
    // carry the control document too) while the flip below is made.
    const token = (await seedServiceToken(cluster.database.db, "*")).token;
    const sdk = startSdk("stream", token);
    await until(() => sdk.client.currentMode(), (mode) => mode === "emergency");
    const lane = cluster.nodes.find((n) => n.laneUrl === sdkLane(sdk));
    expect(lane).toBeDefined();
    expect(lane).not.toBe(stopped);
    const lift = lanes.refuse((req) => req.headers.authorization === `Bearer ${token}`);
    await lane!.lane.kill();
    await flip("local_queue");
    expect(sdk.client.currentMode()).toBe("emergency");
    lift();
    expect(await until(() => sdk.client.currentMode(), (mode) => mode === "local_queue")).toBe("local_queue");
    expect(await until(() => sdkLane(sdk), (backend) => backend !== lane!.laneUrl)).not.toBe(lane!.laneUrl);
    await everySdkIn("local_queue");
  });
});
