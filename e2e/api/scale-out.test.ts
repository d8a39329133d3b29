import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/domain/audit/verify";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import { seedPersonalToken, seedServiceToken, seedUser, unique, type SeededUser } from "../support/accounts";
import { startCluster, type ClusterNode, type TestCluster } from "../support/cluster";
import { signIn, type Caller } from "../support/http";
import { holdsLocalPort } from "../support/processes";
import { sseReader, type SseEvent } from "../support/sse";
import { startHoldingReceiver, startHttpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/** A claim lapses after this; short, so a dead sender's delivery is picked up within the test. */
const CLAIM_SECONDS = 12;

/** Two consoles, each with its lane, on one PostgreSQL: what the README promises of several processes behind a balancer. */

let cluster: TestCluster;
let a: ClusterNode;
let b: ClusterNode;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let fleetToken: string;
let operatorUser: SeededUser;
/** The operator's personal token, good on every node. */
let operatorToken: string;
let admin: Caller;
const clients: BreakwaterClient[] = [];

beforeAll(async () => {
  [cluster, receiver] = await Promise.all([startCluster(2, { DELIVERY_CLAIM_SECONDS: String(CLAIM_SECONDS) }), startHttpReceiver()]);
  [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
  const { db } = cluster.database;
  fleetToken = (await seedServiceToken(db, "*")).token;
  operatorUser = await seedUser(db, "operator");
  operatorToken = await seedPersonalToken(db, operatorUser.email);
  admin = a.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  expect((await admin.post("/api/v1/channels", { name: "hook", type: "webhook", config: { url: `${receiver.url}/hook` } })).status).toBe(201);
  const tree = { receiver: "hook", groupBy: ["alertname", "service"], groupWaitSeconds: 0, routes: [] };
  expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
}, 240_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await cluster?.stop();
  await receiver?.stop();
});

const operatorOn = (node: ClusterNode) => node.caller({ bearer: operatorToken });
const fleetOn = (node: ClusterNode) => node.laneCaller({ bearer: fleetToken });

async function report(node: ClusterNode, service: string): Promise<void> {
  expect((await fleetOn(node).post("/api/v1/report", { service, instance: unique("i"), controlRevision: 0 })).status).toBe(200);
}

async function flip(node: ClusterNode, service: string, mode: string, extra: Record<string, unknown> = {}): Promise<Response> {
  return operatorOn(node).send("PUT", `/api/v1/services/${service}/mode`, { json: { mode, reason: `scale-out test: ${mode}`, ...extra } });
}

/** Reads the stream until an event matches, failing after `ms`. */
async function nextMatching(stream: ReturnType<typeof sseReader>, match: (e: SseEvent) => boolean, ms = 15_000): Promise<SseEvent> {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no matching event in time")), ms));
  for (;;) {
    const event = await Promise.race([stream.next(), deadline]);
    if (match(event)) return event;
  }
}

const auditCount = async (action: string, target: string) =>
  (await cluster.database.sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = ${action} and target = ${target}`)[0]!.n;

describe("several consoles on one database", () => {
  it("a browser's stream on B sees a flip made on A, an alert posted to A's lane and a report received by B's lane", async () => {
    const service = unique("live");
    await report(a, service);
    const viewer = await seedUser(cluster.database.db, "viewer");
    const session = await a.signedIn(viewer.email, viewer.password);
    const res = await fetch(`${b.url}/api/v1/stream`, { headers: { cookie: (session.credentials as { cookie: string }).cookie } });
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    try {
      expect((await flip(a, service, "local_queue")).status).toBe(200);
      await nextMatching(stream, (e) => e.event === "mode" && e.data.includes(service));
      expect((await fleetOn(a).post("/api/v1/alerts", [{ labels: { alertname: unique("LiveAlert"), service }, status: "firing" }])).status).toBe(202);
      await nextMatching(stream, (e) => e.event === "alert");
      await report(b, unique("live-new"));
      await nextMatching(stream, (e) => e.event === "service");
    } finally {
      await stream.close();
    }
  });

  it("an SDK instance on B's lane gets a flip made on A", async () => {
    const service = unique("sdk-cross");
    const client = createBreakwaterClient({ url: b.laneUrl, token: fleetToken, service, instance: unique("sdk"), environment: "production", heartbeatMs: 500, controlWaitSeconds: 5 });
    clients.push(client);
    await client.report();
    expect(await until(() => client.control(), (doc) => doc !== null)).not.toBeNull();
    expect((await flip(a, service, "emergency")).status).toBe(200);
    expect(await until(() => client.currentMode(), (mode) => mode === "emergency")).toBe("emergency");
  });

  it("delivers each of 50 alerts posted over both lanes to the webhook exactly once, through retries, with both processes' workers running", { timeout: 120_000 }, async () => {
    const service = unique("fanout");
    const names = Array.from({ length: 50 }, () => unique("FanoutAlert"));
    // The first few sends fail, so some deliveries are retried, possibly by the other process.
    receiver.failNext("/hook", 5);
    const posted = await Promise.all(names.map((alertname, i) => fleetOn(i % 2 ? b : a).post("/api/v1/alerts", [{ labels: { alertname, service }, status: "firing" }])));
    expect(posted.map((r) => r.status)).toEqual(names.map(() => 202));
    const settled = await until(
      async () => (await cluster.database.sql<{ n: number }[]>`
        select count(*)::int as n from deliveries d join alerts al on al.id = d.alert_id
        where al.service = ${service} and d.status in ('pending', 'sending')`)[0]!.n,
      (open) => open === 0,
      90_000,
    );
    expect(settled).toBe(0);
    expect(receiver.at("/hook").filter((r) => r.status === 503)).toHaveLength(5);
    const answered = receiver.at("/hook").filter((r) => r.status === 202);
    expect(names.map((name) => answered.filter((r) => r.raw.includes(name)).length)).toEqual(names.map(() => 1));
  });

  it("runs a mode expiry once although both processes run the jobs", { timeout: 60_000 }, async () => {
    const service = unique("expiry");
    await report(a, service);
    expect((await flip(a, service, "emergency", { expiresAt: new Date(Date.now() + 1_500).toISOString() })).status).toBe(200);
    expect(await until(() => auditCount("mode.expire", `service:${service}`), (n) => n > 0)).toBe(1);
    // Both job loops run every couple of seconds; a second expiry would come from the next rounds.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await auditCount("mode.expire", `service:${service}`)).toBe(1);
  });

  it("rolls a failed bake back once although both processes watch it", { timeout: 60_000 }, async () => {
    const service = unique("bake");
    const doc = `/api/v1/config/${service}/production`;
    expect((await admin.post(`${doc}/versions`, { body: { pool: 10 }, message: "v1", expectedVersion: 0 })).status).toBe(201);
    expect((await admin.post(`${doc}/versions`, { body: { pool: 0 }, message: "v2", expectedVersion: 1, bakeMinutes: 30 })).status).toBe(201);
    const alert = [{ labels: { alertname: "PoolExhausted", service, severity: "critical" } }];
    expect((await fleetOn(b).post("/api/v1/alerts", alert)).status).toBe(202);
    expect(await until(() => auditCount("config.rollback", `config:${service}/production`), (n) => n > 0)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await auditCount("config.rollback", `config:${service}/production`)).toBe(1);
    const versions = await cluster.database.sql<{ n: number }[]>`select count(*)::int as n from config_versions where service = ${service}`;
    expect(versions[0]!.n).toBe(3);
  });

  it("200 concurrent audited flips spread over both processes leave a chain that verifies", { timeout: 120_000 }, async () => {
    const services = Array.from({ length: 4 }, () => unique("chain"));
    await Promise.all(services.map((s) => report(a, s)));
    const modes = ["reduced_performance", "local_queue", "emergency", "normal"];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => flip(i % 2 ? b : a, services[i % services.length]!, modes[i % modes.length]!)));
    expect(answers.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    const counts = await Promise.all(services.map((s) => auditCount("mode.set", `service:${s}`)));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(200);
    expect(await verifyChain(cluster.database.db)).toMatchObject({ ok: true, firstBadId: null });
  });

  it("holds the sign-in limit of one email across processes", async () => {
    const user = await seedUser(cluster.database.db, "viewer");
    for (let i = 1; i <= 10; i++) {
      const node = i % 2 ? b : a;
      expect(await signIn(node.url, user.email, `wrong-password-${i}`, { "x-forwarded-for": `198.51.100.${40 + i}` })).toEqual({ ok: false, error: "CredentialsSignin" });
    }
    const eleventh = await signIn(a.url, user.email, user.password, { "x-forwarded-for": "198.51.100.99" });
    expect(eleventh).toEqual({ ok: false, error: expect.stringMatching(/^RateLimited:\d+$/) });
  });
});

// Last in the file: it kills one of the cluster's consoles.
describe("a console killed mid-delivery", () => {
  it("leaves its claimed delivery to the other process, which sends it once more after the claim lapses", { timeout: 120_000 }, async () => {
    const holding = await startHoldingReceiver();
    try {
      expect((await admin.post("/api/v1/channels", { name: "held", type: "webhook", config: { url: `${holding.url}/held` } })).status).toBe(201);
      const routes = [{ matchers: [{ label: "team", op: "=", value: "held" }], receiver: "held" }];
      const tree = { receiver: "hook", groupBy: ["alertname", "service"], groupWaitSeconds: 0, routes };
      expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 1 } })).status).toBe(200);
      const service = unique("killed");
      expect((await fleetOn(a).post("/api/v1/alerts", [{ labels: { alertname: unique("HeldAlert"), service, team: "held" }, status: "firing" }])).status).toBe(202);

      const [first] = await until(() => holding.requests, (r) => r.length > 0);
      expect(first).toBeDefined();
      const sender = cluster.nodes.find((node) => holdsLocalPort(node.console.pid, first!.remotePort));
      expect(sender).toBeDefined();
      await sender!.console.kill();

      await until(() => holding.requests.length, (n) => n > 1, (CLAIM_SECONDS + 30) * 1_000);
      expect(holding.requests.map((r) => r.status)).toEqual(["held", 202]);
      // The sender records the send once the receiver has answered, so the row follows the answer.
      const rows = await until(
        () => cluster.database.sql<{ status: string; attempts: number }[]>`
          select d.status, d.attempts from deliveries d join alerts al on al.id = d.alert_id where al.service = ${service}`,
        (found) => found[0]?.status !== "sending",
      );
      expect(rows).toEqual([{ status: "sent", attempts: 2 }]);
    } finally {
      await holding.stop();
    }
  });
});
