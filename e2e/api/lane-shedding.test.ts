import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_BATCH } from "@/lib/domain/services/ingest-report";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { startLane, type TestLane } from "../support/lane";

let app: TestApp;
let lane: TestLane;

// The in-flight bound is lifted so that the burst reaches the queue of pending report batches.
beforeAll(async () => {
  app = await startApp();
  lane = await startLane(app.databaseUrl, { LANE_MAX_IN_FLIGHT: "100000" });
});
afterAll(async () => {
  await lane?.stop();
  await app?.stop();
});

describe("load shedding on the lane", () => {
  it("answers a burst past the pending-batch bound with 503 and Retry-After, takes the rest, and a signed-in page still answers", async () => {
    const { token } = await seedServiceToken(app.database.db, "*");
    const reporter = lane.caller({ bearer: token });
    expect((await reporter.post("/api/v1/report", { service: "burst", instance: "warm" })).status).toBe(200);
    const viewer = await seedUser(app.database.db, "viewer");
    const page = await app.signedIn(viewer.email, viewer.password);

    const burst = REPORT_BATCH.maxBatch * REPORT_BATCH.maxPendingBatches * 3;
    const answers = Promise.all(
      Array.from({ length: burst }, async (_, i) => {
        const res = await reporter.post("/api/v1/report", { service: "burst", instance: `i-${i}` });
        await res.arrayBuffer();
        return { status: res.status, retryAfter: res.headers.get("retry-after") };
      }),
    );
    const pageStatus = (await page.get("/api/v1/services")).status;
    const statuses = await answers;

    expect(pageStatus).toBe(200);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set([200, 503]));
    expect(statuses.filter((s) => s.status === 503).every((s) => Number(s.retryAfter) > 0)).toBe(true);
    const taken = statuses.filter((s) => s.status === 200).length;
    const [{ count }] = (await app.database.sql`select count(*)::int as count from instances where service = 'burst' and instance like 'i-%'`) as unknown as [{ count: number }];
    expect(count).toBe(taken);
  });
});
