import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { startLane, type TestLane } from "../support/lane";

let app: TestApp;
let lane: TestLane;

// Small batches and one pending batch, so a burst of a few dozen reports is three times what the
// lane takes at once; the in-flight bound is lifted so that the burst reaches the batch queue.
const BATCH = 4;
const PENDING = 1;

beforeAll(async () => {
  app = await startApp();
  lane = await startLane(app.databaseUrl, { LANE_MAX_IN_FLIGHT: "100000", REPORT_BATCH_MAX: String(BATCH), REPORT_PENDING_BATCHES: String(PENDING) });
});
afterAll(async () => {
  await lane?.stop();
  await app?.stop();
});

describe("load shedding on the lane", () => {
  it("answers a burst past the pending-batch bound with 503 and Retry-After at once, takes the rest, and a signed-in page still answers", async () => {
    const { token } = await seedServiceToken(app.database.db, "*");
    const reporter = lane.caller({ bearer: token });
    const burst = Array.from({ length: 3 * BATCH * (PENDING + 1) }, (_, i) => reporter.post("/api/v1/report", { service: "burst", instance: `i-${i}` }));
    const viewer = await seedUser(app.database.db, "viewer");
    const page = (await app.signedIn(viewer.email, viewer.password)).get("/api/v1/services");
    const answers = await Promise.all(burst);

    expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    const refused = answers.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.headers.get("retry-after") === "2")).toBe(true);
    expect(await refused[0]!.json()).toMatchObject({ error: "overloaded" });
    expect((await page).status).toBe(200);
    const [{ count }] = (await app.database.sql`select count(*)::int as count from instances where service = 'burst'`) as unknown as [{ count: number }];
    expect(count).toBe(answers.length - refused.length);
  });
});
