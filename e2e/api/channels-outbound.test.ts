import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MASK } from "@/lib/domain/audit/mask";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { until } from "../support/until";

/** Where channels may send, what they may take with them, and who reads what receivers answer. */

const BIG = 1024 * 1024;

/** A receiver that answers 500 with a megabyte at /fail, redirects /redirect to /landed, and counts requests by path. */
async function startHostileReceiver() {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "/");
    req.resume();
    req.on("end", () => {
      if (req.url === "/redirect") res.writeHead(307, { location: "/landed" }).end();
      else if (req.url === "/fail") res.writeHead(500, { "content-type": "text/plain" }).end(`INTERNAL-DETAIL ${"x".repeat(BIG)}`);
      else res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const refusedUrls = [
  "http://169.254.169.254/latest/meta-data/",
  "http://[fd00:ec2::254]/latest/meta-data/",
  "http://[::ffff:169.254.169.254]/",
  "http://[fe80::1]/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://0.0.0.0/",
];

describe("with private networks allowed (the test receivers are on 127.0.0.1)", () => {
  let app: TestApp;
  let admin: Caller;
  let viewer: Caller;
  let fleet: Caller;
  let receiver: Awaited<ReturnType<typeof startHostileReceiver>>;

  beforeAll(async () => {
    [app, receiver] = await Promise.all([startApp(), startHostileReceiver()]);
    const { db } = app.database;
    admin = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
    viewer = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "viewer")).email) });
    fleet = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
  });

  it("refuses link-local and cloud metadata endpoints at save, always", async () => {
    for (const [i, url] of refusedUrls.entries()) {
      const res = await admin.post("/api/v1/channels", { name: `meta-${i}`, type: "webhook", config: { url } });
      expect(res.status, url).toBe(422);
    }
    const email = await admin.post("/api/v1/channels", { name: "meta-mail", type: "email", config: { host: "169.254.169.254", port: 25, from: "breakwater@example.com", to: ["oncall@example.com"] } });
    expect(email.status).toBe(422);
    const created = await admin.post("/api/v1/channels", { name: "moving", type: "webhook", config: { url: `${receiver.url}/ok` } });
    expect(created.status).toBe(201);
    expect((await admin.send("PUT", "/api/v1/channels/moving", { json: { config: { url: refusedUrls[0] } } })).status).toBe(422);
  });

  it("drops stored secrets when an edit points the channel elsewhere, unless they are typed again", async () => {
    const create = { name: "paged", type: "pagerduty", config: { routingKey: "R0UT1NGKEY", url: `${receiver.url}/pd` } };
    expect((await admin.post("/api/v1/channels", create)).status).toBe(201);
    const moved = await admin.send("PUT", "/api/v1/channels/paged", { json: { config: { routingKey: MASK, url: `${receiver.url}/elsewhere` } } });
    expect(moved.status).toBe(422);
    expect(JSON.stringify(await moved.json())).toContain("config.routingKey");
    expect((await admin.send("PUT", "/api/v1/channels/paged", { json: { config: { routingKey: MASK, url: `${receiver.url}/pd` } } })).status).toBe(200);
    expect((await admin.send("PUT", "/api/v1/channels/paged", { json: { config: { routingKey: "N3WKEY", url: `${receiver.url}/elsewhere` } } })).status).toBe(200);
  });

  it("shows what a failing receiver answered to admins only, capped, and follows no redirect", async () => {
    for (const name of ["fail", "redirect"]) expect((await admin.post("/api/v1/channels", { name, type: "webhook", config: { url: `${receiver.url}/${name}` } })).status).toBe(201);
    const tree = {
      receiver: "console",
      groupWaitSeconds: 0,
      routes: ["fail", "redirect"].map((name) => ({ matchers: [{ label: "team", op: "=", value: name }], receiver: name })),
    };
    expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
    type Detail = { deliveries: { lastError: string | null; attempts: { statusCode: number | null; error: string | null }[] }[] };
    const fire = async (team: string) => {
      expect((await fleet.post("/api/v1/alerts", [{ labels: { alertname: `Hostile-${team}`, team } }])).status).toBe(202);
      const res = await admin.get(`/api/v1/alerts?label=${encodeURIComponent(`alertname=Hostile-${team}`)}`);
      return ((await res.json()) as { alerts: { id: number }[] }).alerts[0]!.id;
    };
    const detail = async (caller: Caller, id: number) => (await (await caller.get(`/api/v1/alerts/${id}`)).json()) as Detail;

    const failing = await fire("fail");
    const seen = await until(() => detail(admin, failing), (d) => (d.deliveries[0]?.attempts.length ?? 0) > 0);
    const [attempt] = seen.deliveries[0]!.attempts;
    expect(attempt).toMatchObject({ statusCode: 500, error: expect.stringContaining("INTERNAL-DETAIL") });
    expect(attempt!.error!.length).toBeLessThan(400);
    const asViewer = await detail(viewer, failing);
    expect(asViewer.deliveries[0]!.attempts[0]).toMatchObject({ statusCode: 500, error: null });
    expect(asViewer.deliveries[0]!.lastError).toBeNull();

    const redirected = await fire("redirect");
    const tried = await until(() => detail(admin, redirected), (d) => (d.deliveries[0]?.attempts.length ?? 0) > 0);
    expect(tried.deliveries[0]!.attempts[0]).toMatchObject({ statusCode: 307 });
    expect(receiver.hits).toContain("/redirect");
    expect(receiver.hits).not.toContain("/landed");
  });
});

describe("with private networks not allowed", () => {
  let app: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    app = await startApp({ env: { OUTBOUND_ALLOW_PRIVATE: "0" } });
    admin = app.caller({ bearer: await seedPersonalToken(app.database.db, (await seedUser(app.database.db, "admin")).email) });
  });
  afterAll(() => app?.stop());

  it("refuses loopback and private endpoints", async () => {
    for (const [i, url] of ["http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://10.1.2.3/hook", "http://localhost:9/hook"].entries()) {
      expect((await admin.post("/api/v1/channels", { name: `private-${i}`, type: "webhook", config: { url } })).status, url).toBe(422);
    }
    expect((await admin.post("/api/v1/channels", { name: "private-mail", type: "email", config: { host: "127.0.0.1", port: 25, from: "breakwater@example.com", to: ["oncall@example.com"] } })).status).toBe(422);
  });
});
