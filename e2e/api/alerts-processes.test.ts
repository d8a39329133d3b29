import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { Caller } from "../support/http";
import { startServer, type Server } from "../support/server";
import { startHttpReceiver } from "./alerts-receivers";
import { until } from "../support/until";

/** Two app processes on one database: both wake for every alert, yet each notification leaves once. */

const ALERTS = 30;

let app: TestApp;
let second: Server;
let http: Awaited<ReturnType<typeof startHttpReceiver>>;

beforeAll(async () => {
  [app, http] = await Promise.all([startApp(), startHttpReceiver()]);
  second = await startServer(app.databaseUrl);
  const { db } = app.database;
  const admin = app.caller({ bearer: await seedPersonalToken(db, (await seedUser(db, "admin")).email) });
  expect((await admin.post("/api/v1/channels", { name: "hook", type: "webhook", config: { url: `${http.url}/hook` } })).status).toBe(201);
  const tree = { receiver: "hook", groupBy: ["..."], groupWaitSeconds: 0 };
  expect((await admin.send("PUT", "/api/v1/routing", { json: { tree, expectedVersion: 0 } })).status).toBe(200);
});
afterAll(async () => {
  await second?.stop();
  await app?.stop();
  await http?.stop();
});

describe("two app processes", () => {
  it("deliver each notification exactly once", async () => {
    const token = (await seedServiceToken(app.database.db, "*")).token;
    const callers = [app.caller({ bearer: token }), new Caller(second.url, { bearer: token })];
    await Promise.all(
      Array.from({ length: ALERTS }, (_, i) => callers[i % 2]!.post("/api/v1/alerts", [{ labels: { alertname: `Twice-${i}`, severity: "critical" } }]).then((r) => expect(r.status).toBe(202))),
    );
    const requests = await until(() => http.at("/hook"), (r) => r.length >= ALERTS);
    // A duplicate would follow its original within moments; a final alert sent after them bounds the wait.
    await callers[0]!.post("/api/v1/alerts", [{ labels: { alertname: "Last", severity: "critical" } }]);
    await until(() => http.at("/hook"), (r) => r.some((x) => x.raw.includes('"Last"')));
    const keys = http.at("/hook").map((r) => String(r.headers["idempotency-key"]));
    expect(keys).toHaveLength(ALERTS + 1);
    expect(new Set(keys).size).toBe(ALERTS + 1);
    expect(requests.length).toBeGreaterThanOrEqual(ALERTS);
    // The receiver answers before the worker records the outcome, so let the last rows settle.
    const row = await until(
      async () =>
        (
          await app.database.sql<{ sent: number; other: number }[]>`
            select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from deliveries`
        )[0],
      (r) => r?.sent === ALERTS + 1,
    );
    expect(row).toEqual({ sent: ALERTS + 1, other: 0 });
  });
});
