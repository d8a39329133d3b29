import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigOverview } from "@/lib/domain/config/overview";
import type { Delivery } from "@/lib/domain/control/delivery-types";
import type { ServiceModes } from "@/lib/domain/modes/types";
import { createBreakwaterClient } from "@/lib/sdk";
import { seedServiceToken, unique } from "../support/accounts";
import type { TestApp } from "../support/app";
import { startAppWithLane } from "../support/app-with-lane";
import type { Caller } from "../support/http";
import type { TestLane } from "../support/lane";
import { eventually } from "./sdk-fixture";

/** Proof of delivery: reports carry `controlRevision` and `configVersion`, and the pages' read models count who applied the last change. */
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

async function instancesOf(service: string) {
  const { token } = await seedServiceToken(app.database.db, service);
  const caller = lane.caller({ bearer: token });
  return async (instance: string, fields: { controlRevision?: number; configVersion?: number }) => {
    const res = await caller.post("/api/v1/report", { service, instance, ...fields });
    expect(res.status).toBe(200);
    return ((await res.json()) as { revision: number }).revision;
  };
}

async function modesDelivery(service: string): Promise<Delivery | null | undefined> {
  const page = (await (await operator.get("/api/v1/modes")).json()) as { services: ServiceModes[] };
  return page.services.find((s) => s.service === service)?.delivery;
}

async function configDelivery(service: string): Promise<Delivery | null | undefined> {
  const overview = (await (await operator.get("/api/v1/config")).json()) as ConfigOverview;
  return overview.documents.find((d) => d.service === service && d.environment === "production")?.delivery;
}

describe("proof of delivery", () => {
  it("counts the instances that reported the last control revision, names the others, and keeps the first report's time", async () => {
    const service = "delivery-control";
    const report = await instancesOf(service);
    const start = await report("i-1", {});
    for (const i of ["i-1", "i-2", "i-3"]) await report(i, { controlRevision: start });

    const flip = await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { mode: "local_queue", reason: "delivery test" } });
    expect(flip.status).toBe(200);
    const revision = ((await flip.json()) as { revision: number }).revision;
    expect(revision).toBe(start + 1);
    expect(await modesDelivery(service)).toMatchObject({ target: revision, live: 3, reached: 0, lastAfterMs: null, pending: ["i-1", "i-2", "i-3"], pendingCount: 3 });

    await report("i-1", { controlRevision: revision });
    await report("i-2", { controlRevision: revision });
    await report("i-3", { controlRevision: start });
    const delivery = await modesDelivery(service);
    expect(delivery).toMatchObject({ target: revision, live: 3, reached: 2, pending: ["i-3"], pendingCount: 1 });
    expect(delivery!.lastAfterMs).toBeGreaterThanOrEqual(0);

    await report("i-2", { controlRevision: revision });
    await report("i-2", {});
    expect((await modesDelivery(service))!.lastAfterMs).toBe(delivery!.lastAfterMs);
  });

  it("counts the instances of the environment that run the current config version", async () => {
    const service = "delivery-config";
    const report = await instancesOf(service);
    for (const i of ["i-1", "i-2"]) await report(i, {});
    const published = await admin.post(`/api/v1/config/${service}/production/versions`, { body: { limit: 1 }, message: "delivery", expectedVersion: 0 });
    expect(published.status).toBe(201);
    expect(await configDelivery(service)).toMatchObject({ target: 1, live: 2, reached: 0, pending: ["i-1", "i-2"] });
    await report("i-2", { configVersion: 1 });
    const delivery = await configDelivery(service);
    expect(delivery).toMatchObject({ target: 1, live: 2, reached: 1, pending: ["i-1"], pendingCount: 1 });
    expect(delivery!.lastAfterMs).toBeGreaterThanOrEqual(0);
  });

  it("is reached by an SDK instance on the stream within moments of a flip, without waiting for its heartbeat", async () => {
    const service = "delivery-sdk";
    const { token } = await seedServiceToken(app.database.db, service);
    const client = createBreakwaterClient({ url: lane.url, token, service, instance: unique(service), environment: "production", heartbeatMs: 600_000 });
    try {
      await eventually("the instance is known", async () => ((await modesDelivery(service)) === undefined ? undefined : true));
      const flip = await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { mode: "emergency", reason: "delivery test" } });
      const revision = ((await flip.json()) as { revision: number }).revision;
      const delivery = await eventually("the instance reports the flip's revision", async () => {
        const d = await modesDelivery(service);
        return d?.target === revision && d.reached === 1 ? d : undefined;
      });
      expect(delivery).toMatchObject({ live: 1, pending: [] });
    } finally {
      client.close();
    }
  });
});
