import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/domain/audit/verify";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { startBalancer, type TestBalancer } from "../support/balancer";
import { startCluster, type ClusterNode, type TestCluster } from "../support/cluster";
import { fleetTraffic, openTab, readyStatus, sendUntilAccepted, type Outcome, type Tab } from "../support/fleet";
import { startHttpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/**
 * The whole roll of a two-node deployment behind test balancers: node A is stopped gracefully and
 * started again on its ports, and once the balancers route to it again node B is stopped, all
 * under reports, alerts to a webhook, an SDK stream and a browser's event stream.
 */

const SERVICE = unique("roll");

let cluster: TestCluster;
let consoles: TestBalancer;
let lanes: TestBalancer;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let fleetToken: string;
let operatorToken: string;
let viewerCookie: string;
let sdk: BreakwaterClient | undefined;
let tab: Tab | undefined;

beforeAll(async () => {
  [cluster, receiver] = await Promise.all([startCluster(2), startHttpReceiver()]);
  [consoles, lanes] = await Promise.all([startBalancer(cluster.nodes.map((n) => n.url)), startBalancer(cluster.nodes.map((n) => n.laneUrl))]);
  const { db } = cluster.database;
  const first = cluster.nodes[0]!;
  fleetToken = (await seedServiceToken(db, "*")).token;
  operatorToken = await seedPersonalToken(db, (await seedUser(db, "operator")).email);
  const viewer = await seedUser(db, "viewer");
  viewerCookie = ((await first.signedIn(viewer.email, viewer.password)).credentials as { cookie: string }).cookie;
  const admin = first.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  expect((await admin.post("/api/v1/channels", { name: "hook", type: "webhook", config: { url: `${receiver.url}/hook` } })).status).toBe(201);
  const tree = { receiver: "hook", groupBy: ["alertname", "service"], groupWaitSeconds: 0, routes: [] };
  expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
}, 240_000);

afterAll(async () => {
  sdk?.close();
  tab?.close();
  await Promise.all([consoles?.close(), lanes?.close()]);
  await cluster?.stop();
  await receiver?.stop();
});

const flips: Outcome[] = [];
const modeEvents = () => tab!.events.filter((e) => e.event === "mode" && e.data.includes(SERVICE)).length;

/**
 * A flip through the consoles' balancer, retried as a client does after a 503, then followed by the
 * SDK instance and the tab: the tab gets the flip's event, or it opened its stream again after the
 * flip, which is when a browser refetches everything (a flip made while its node was closing its
 * stream is not replayed to it).
 */
async function flipAndFollow(mode: string): Promise<void> {
  const seen = modeEvents();
  const opens = tab!.opens;
  const outcome = await until(
    async () => {
      const res = await fetch(`${consoles.url}/api/v1/services/${SERVICE}/mode`, {
        method: "PUT",
        headers: { authorization: `Bearer ${operatorToken}`, "content-type": "application/json" },
        body: JSON.stringify({ mode, reason: `whole roll test: ${mode}` }),
      }).catch(() => null);
      await res?.arrayBuffer();
      return { status: res?.status ?? ("failed" as const), attempts: 1, unexpected: res && (res.status < 300 || (res.status === 503 && res.headers.get("retry-after"))) ? [] : [`flip: ${res?.status ?? "failed"}`] };
    },
    (o) => o.status === 200 || o.unexpected.length > 0,
  );
  flips.push(outcome);
  expect(outcome.status).toBe(200);
  expect(await until(() => sdk!.currentMode(), (m) => m === mode, 60_000)).toBe(mode);
  const followed = () => modeEvents() > seen || tab!.opens > opens;
  expect(await until(followed, Boolean, 60_000)).toBe(true);
}

/** Stops a node's console and lane as an orchestrator does: 143 and 0 are their graceful exits. */
async function stopGracefully(node: ClusterNode): Promise<void> {
  expect(await Promise.all([node.console.stop(), node.lane.stop()])).toEqual([143, 0]);
}

/**
 * Waits until `backend` says it is ready, then polls through `balancer` until a request lands on
 * it: the balancer's own check (1 s limit, every 250 ms) may miss a fresh process a few times.
 */
async function backInRotation(balancer: TestBalancer, backend: string): Promise<void> {
  expect(await until(() => readyStatus(backend), (s) => s === 200, 120_000)).toBe(200);
  const mark = balancer.routed.length;
  const landed = async () => {
    await fetch(`${balancer.url}/api/health`).then((r) => r.arrayBuffer(), () => null);
    return balancer.routed.slice(mark).some((r) => r.backend === backend);
  };
  expect(await until(landed, Boolean, 120_000)).toBe(true);
}

describe("the whole roll", () => {
  it("restarts A, waits for it back behind the balancers, then stops B: every request is answered 2xx or 503 with Retry-After, nothing is lost or sent twice", { timeout: 540_000 }, async () => {
    const [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
    expect((await sendUntilAccepted(lanes.url, fleetToken, "/api/v1/report", { service: SERVICE, instance: unique("first"), controlRevision: 0 })).status).toBe(200);
    sdk = createBreakwaterClient({ url: lanes.url, token: fleetToken, service: SERVICE, instance: unique("sdk"), environment: "production", heartbeatMs: 500, controlWaitSeconds: 5, control: "stream" });
    tab = openTab(consoles.url, viewerCookie);
    await until(() => sdk!.control() !== null && tab!.opens > 0, Boolean);
    await flipAndFollow("reduced_performance");

    const load = fleetTraffic(lanes.url, fleetToken, SERVICE);
    await until(() => load.alerts.length, (n) => n >= 3);
    await stopGracefully(a);
    await flipAndFollow("local_queue");
    await cluster.startAgain(a);
    await Promise.all([backInRotation(consoles, a.url), backInRotation(lanes, a.laneUrl)]);
    await flipAndFollow("emergency");
    const beforeB = load.alerts.length;
    await stopGracefully(b);
    await flipAndFollow("normal");
    await until(() => load.alerts.length, (n) => n >= beforeB + 3);
    await load.stop();

    expect([...load.outcomes, ...flips].flatMap((o) => o.unexpected)).toEqual([]);
    expect(load.outcomes.filter((o) => o.status !== 200 && o.status !== 202)).toEqual([]);
    const { sql, db } = cluster.database;
    const [service] = await sql<{ revision: number }[]>`select revision from services where name = ${SERVICE}`;
    expect(await until(() => sdk!.control()?.revision, (r) => r === service!.revision)).toBe(service!.revision);

    const unsettled = await until(
      async () => (await sql<{ n: number }[]>`
        select count(*)::int as n from deliveries d join alerts al on al.id = d.alert_id
        where al.service = ${SERVICE} and d.status in ('pending', 'sending')`)[0]!.n,
      (open) => open === 0,
      60_000,
    );
    expect(unsettled).toBe(0);
    const answered = receiver.at("/hook").filter((r) => r.status === 202);
    expect(load.alerts.map((name) => answered.filter((r) => r.raw.includes(name)).length)).toEqual(load.alerts.map(() => 1));
    expect(await verifyChain(db)).toMatchObject({ ok: true, firstBadId: null });
  });
});
