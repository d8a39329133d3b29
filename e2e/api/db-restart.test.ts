import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";
import { verifyChain } from "@/lib/domain/audit/verify";
import { COPY_FROM_POINTS } from "@/lib/domain/metrics/insert-points";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { Caller, signIn } from "../support/http";
import { startLane, type TestLane } from "../support/lane";
import { startServer, type Server } from "../support/server";
import { migrateWithRuntimeRole, runtimeUrlFor } from "../support/test-database";
import { startHttpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/**
 * PostgreSQL stopped and started again under a running console and lane, with reports, metric
 * batches (COPY), alerts, an SDK instance and deliveries in flight. The test owns that server: an
 * embedded PostgreSQL in a temp folder, restarted on its port.
 */

const SERVICE = unique("restart");
/** A request that takes longer than this is hanging: while the database is away the answer is an immediate 503. */
const HANG_MS = 20_000;

let dir: string;
let pg: EmbeddedServer;
let database: Database;
let consoleServer: Server;
let lane: TestLane;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let fleetToken: string;
let operator: Caller;
let sdk: BreakwaterClient;
let viewerCookie: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "breakwater-restart-"));
  pg = await startEmbedded(path.join(dir, "postgres"), randomBytes(18).toString("base64url"));
  await migrateWithRuntimeRole(pg.url);
  [consoleServer, lane, receiver] = await Promise.all([startServer(runtimeUrlFor(pg.url)), startLane(runtimeUrlFor(pg.url)), startHttpReceiver()]);
  database = connect(pg.url, 4);
  const { db } = database;
  fleetToken = (await seedServiceToken(db, "*")).token;
  const admin = new Caller(consoleServer.url, { bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  operator = new Caller(consoleServer.url, { bearer: await seedPersonalToken(db, (await seedUser(db, "operator")).email) });
  const viewer = await seedUser(db, "viewer");
  const session = await signIn(consoleServer.url, viewer.email, viewer.password);
  if (!session.ok) throw new Error(`sign-in failed: ${session.error}`);
  viewerCookie = session.cookie;
  expect((await admin.post("/api/v1/channels", { name: "hook", type: "webhook", config: { url: `${receiver.url}/hook` } })).status).toBe(201);
  const tree = { receiver: "hook", groupBy: ["alertname", "service"], groupWaitSeconds: 0, routes: [] };
  expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
}, 180_000);

afterAll(async () => {
  sdk?.close();
  await lane?.stop();
  await consoleServer?.stop();
  await database?.close();
  await receiver?.stop();
  await pg?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

interface Answer {
  /** `failed` when no answer came: the connection broke, or nothing came within HANG_MS. */
  status: number | "failed";
  retryAfter: string | null;
  error?: string;
}

async function send(url: string, method: string, body?: unknown, bearer = fleetToken): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get("retry-after") };
  } catch (error) {
    return { status: "failed", retryAfter: null, error: `${method} ${new URL(url).pathname}: ${String((error as Error).cause ?? error)}` };
  }
}

/** The fleet's traffic to the lane, each kind in its own loop, remembering what was acknowledged. */
function traffic() {
  const answers: Answer[] = [];
  const acknowledged = { batches: 0, alerts: [] as string[], instances: [] as string[] };
  let running = true;
  const metricName = unique("restart_points").replaceAll("-", "_");
  const batch = Array.from({ length: COPY_FROM_POINTS }, (_, i) => ({ service: SERVICE, name: metricName, kind: "gauge", value: i }));
  const loop = async (step: () => Promise<void>) => {
    while (running) {
      await step();
      // Spaced a little, so an outage of a few seconds sees dozens of requests, not thousands.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const record = (answer: Answer) => (answers.push(answer), typeof answer.status === "number" && answer.status < 300);
  const loops = [
    loop(async () => {
      if (record(await send(`${lane.url}/api/v1/metrics`, "POST", batch))) acknowledged.batches += 1;
    }),
    loop(async () => {
      const alertname = unique("RestartAlert");
      if (record(await send(`${lane.url}/api/v1/alerts`, "POST", [{ labels: { alertname, service: SERVICE }, status: "firing" }]))) acknowledged.alerts.push(alertname);
    }),
    loop(async () => {
      const instance = unique("i");
      if (record(await send(`${lane.url}/api/v1/report`, "POST", { service: SERVICE, instance, controlRevision: 0 }))) acknowledged.instances.push(instance);
    }),
  ];
  return {
    metricName,
    answers,
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const ready = async (url: string) => (await send(`${url}/api/ready`, "GET")).status;

/** The overview page as a signed-in browser gets it: its status and HTML. */
async function overviewPage(): Promise<{ status: number; html: string }> {
  const res = await fetch(`${consoleServer.url}/`, { headers: { cookie: viewerCookie }, signal: AbortSignal.timeout(HANG_MS), redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

const UNAVAILABLE = "The database is unavailable.";

async function flip(mode: string): Promise<void> {
  const res = await operator.send("PUT", `/api/v1/services/${SERVICE}/mode`, { json: { mode, reason: `restart test: ${mode}` } });
  expect(res.status).toBe(200);
}

describe("a PostgreSQL restart under load", () => {
  it("answers 503 with Retry-After while it is away, recovers without a console restart, and loses nothing acknowledged", { timeout: 240_000 }, async () => {
    sdk = createBreakwaterClient({ url: lane.url, token: fleetToken, service: SERVICE, instance: unique("sdk"), environment: "production", heartbeatMs: 500, controlWaitSeconds: 5 });
    await until(() => sdk.control(), (doc) => doc !== null);
    // The stream answers before the SDK's first report lands, and a flip needs the service to exist.
    expect((await send(`${lane.url}/api/v1/report`, "POST", { service: SERVICE, instance: unique("first") })).status).toBe(200);
    await flip("reduced_performance");
    await until(() => sdk.currentMode(), (mode) => mode === "reduced_performance");

    const load = traffic();
    await until(() => load.acknowledged.batches, (n) => n >= 2);

    await pg.stop();
    expect(await until(() => ready(lane.url), (s) => s === 503)).toBe(503);
    expect(await ready(consoleServer.url)).toBe(503);
    const downPage = await overviewPage();
    expect(downPage.status).toBe(200);
    expect(downPage.html).toContain(UNAVAILABLE);
    // No stack frame, driver code or SQL reaches the person.
    expect(downPage.html).not.toMatch(/\bat \S+ \(|ECONNREFUSED|CONNECTION_|\bfrom "\w+"/);
    const refused = await send(`${lane.url}/api/v1/report`, "POST", { service: SERVICE, instance: "while-down", controlRevision: 0 });
    expect(refused).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    const downAnswers = load.answers.length;
    await until(() => load.answers.length, (n) => n >= downAnswers + 30);
    expect(sdk.currentMode()).toBe("reduced_performance");
    expect(sdk.control()).toMatchObject({ service: SERVICE, mode: { desired: "reduced_performance" } });

    await pg.start();
    await until(() => ready(lane.url), (s) => s === 200);
    await until(() => ready(consoleServer.url), (s) => s === 200);
    // The same console, not restarted, shows the page again.
    const upPage = await until(overviewPage, (page) => page.status === 200 && !page.html.includes(UNAVAILABLE));
    expect(upPage.html).toContain("Overview");
    const batchesBefore = load.acknowledged.batches;
    await until(() => load.acknowledged.batches, (n) => n >= batchesBefore + 2);
    await load.stop();

    // The lane's LISTEN came back: a flip made after the restart reaches the SDK through it.
    await flip("emergency");
    await until(() => sdk.currentMode(), (mode) => mode === "emergency");

    const unexpected = load.answers.filter((a) => !(typeof a.status === "number" && (a.status < 300 || (a.status === 503 && a.retryAfter !== null))));
    expect(unexpected).toEqual([]);
    expect(load.answers.some((a) => a.status === 503)).toBe(true);

    const { sql } = database;
    const [stored] = await sql<{ points: number }[]>`
      select count(*)::int as points from metric_points p join metric_series s on s.id = p.series_id where s.name = ${load.metricName}`;
    expect(stored!.points).toBeGreaterThanOrEqual(load.acknowledged.batches * COPY_FROM_POINTS);
    const alerts = await sql<{ name: string }[]>`select labels->>'alertname' as name from alerts where labels->>'service' = ${SERVICE}`;
    expect(alerts.map((a) => a.name)).toEqual(expect.arrayContaining(load.acknowledged.alerts));
    const instances = await sql<{ instance: string }[]>`select instance from instances where service = ${SERVICE}`;
    expect(instances.map((i) => i.instance)).toEqual(expect.arrayContaining(load.acknowledged.instances));

    // The outbox drains: every acknowledged alert reaches the webhook, including those taken just before the stop.
    await until(
      () => load.acknowledged.alerts.filter((name) => !receiver.at("/hook").some((r) => r.raw.includes(name))),
      (missing) => missing.length === 0,
      60_000,
    );

    const chain = await verifyChain(database.db);
    expect(chain).toMatchObject({ ok: true, firstBadId: null });
    const flips = await sql<{ n: number }[]>`select count(*)::int as n from audit_events where action = 'mode.set' and target = ${`service:${SERVICE}`}`;
    expect(flips[0]!.n).toBe(2);

    // Neither process threw: both still answer, and the lane stops cleanly.
    expect((await send(`${consoleServer.url}/api/health`, "GET")).status).toBe(200);
    expect(await lane.stop()).toBe(0);
  });
});
