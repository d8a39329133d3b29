import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SERIES_PER_QUERY } from "@/lib/domain/metrics/query";
import { seedServiceToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/**
 * Heavy reads by a viewer, over real HTTP: each is refused up front (4xx) or stopped by the
 * statement timeout (503 with Retry-After), never left to pin the database; /api/health answers
 * throughout. The console here stops heavy reads after 50 ms, which reading a million points runs past.
 */

let app: TestApp;
let viewer: Caller;
let service: string;

beforeAll(async () => {
  app = await startApp({ env: { HEAVY_READ_TIMEOUT_MS: "50" } });
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
  service = unique("heavy");
  const { token } = await seedServiceToken(app.database.db, service);
  expect((await app.caller({ bearer: token }).post("/api/v1/metrics", [{ service, name: "latency", kind: "gauge", value: 1 }])).status).toBe(202);
  // A million points in the last hour, written directly: the query below reads them all.
  await app.database.sql`
    insert into metric_points (series_id, ts, value)
    select s.id, now() - i * interval '3 ms', random() from metric_series s, generate_series(1, 1000000) i
    where s.service = ${service} and s.name = 'latency'`;
});
afterAll(() => app?.stop());

async function duringAttack<T>(attack: () => Promise<T>): Promise<T> {
  const [result, health] = await Promise.all([attack(), fetch(new URL("/api/health", app.url))]);
  expect(health.status).toBe(200);
  return result;
}

describe("heavy reads", () => {
  it("a metrics query past the statement timeout answers 503 with Retry-After, not a hang", async () => {
    const res = await duringAttack(() => viewer.get(`/api/v1/metrics/query?service=${service}&name=latency&last=3600&maxPoints=2000`));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ error: "overloaded" });
  });

  it("a rule preview past the statement timeout answers 503, and one over windows longer than an hour is refused", async () => {
    const rule = { service, metric: "latency", aggregation: "avg", comparator: ">", threshold: 0.5, forSeconds: 0 };
    const slow = await duringAttack(() => viewer.post("/api/v1/rules/preview", { ...rule, windowSeconds: 3600 }));
    expect(slow.status).toBe(503);
    const wide = await duringAttack(() => viewer.post("/api/v1/rules/preview", { ...rule, windowSeconds: 86_400 }));
    expect(wide.status).toBe(400);
    expect(await wide.json()).toMatchObject({ issues: [expect.objectContaining({ path: "windowSeconds" })] });
  });

  it(`a metrics query over more than ${MAX_SERIES_PER_QUERY} series is refused with 422 naming tags`, async () => {
    const wide = unique("wide");
    await app.database.sql`
      insert into metric_series (service, name, kind, tags, key)
      select ${wide}, 'requests', 'gauge', jsonb_build_object('pod', 'p' || i), 'pod=p' || i from generate_series(1, ${MAX_SERIES_PER_QUERY + 1}) i`;
    const res = await duringAttack(() => viewer.get(`/api/v1/metrics/query?service=${wide}&name=requests`));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ issues: [expect.objectContaining({ path: "tags" })] });
  });
});
