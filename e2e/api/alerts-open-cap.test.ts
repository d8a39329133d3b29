import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

const CAP = 3;
let app: TestApp;
let sender: Caller;

beforeAll(async () => {
  app = await startApp({ env: { ALERTS_OPEN_PER_SERVICE: String(CAP) } });
  sender = app.caller({ bearer: (await seedServiceToken(app.database.db, "*")).token });
});
afterAll(() => app?.stop());

const firing = (service: string, id: string) => ({ labels: { alertname: "Runaway", service, request: id }, annotations: { summary: id } });

async function openAlerts(service: string): Promise<number> {
  const [row] = await app.database.sql<{ count: number }[]>`select count(*)::int as count from alerts where service = ${service} and state <> 'resolved'`;
  return row!.count;
}

describe("the cap on a service's open alerts", () => {
  it("refuses a payload that would pass it with 422 naming the service, writing none of it, while updates and other services go through", async () => {
    expect((await sender.post("/api/v1/alerts", [firing("capped", "a"), firing("capped", "b"), firing("capped", "c")])).status).toBe(202);

    const refused = await sender.post("/api/v1/alerts", [firing("roomy", "x"), firing("capped", "d")]);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: "unprocessable", message: expect.stringContaining("capped") });
    expect(await openAlerts("capped")).toBe(CAP);
    expect(await openAlerts("roomy")).toBe(0);

    expect((await sender.post("/api/v1/alerts", [{ ...firing("capped", "a"), annotations: { summary: "still" } }])).status).toBe(202);
    expect((await sender.post("/api/v1/alerts", [firing("roomy", "x")])).status).toBe(202);
    expect(await openAlerts("roomy")).toBe(1);
  });
});
