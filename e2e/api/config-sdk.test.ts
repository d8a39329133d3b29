import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Drift } from "@/lib/domain/config/drift";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { eventually, sdkFixture } from "./sdk-fixture";

const SERVICE = "search-api";
const DOC = `/api/v1/config/${SERVICE}/production`;

let app: TestApp;
let admin: Caller;
let token: string;
const sdk = sdkFixture();

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "admin");
  admin = await app.signedIn(user.email, user.password);
  token = (await seedServiceToken(app.database.db, SERVICE)).token;
});
afterEach(() => sdk.close());
afterAll(() => app?.stop());

async function publish(body: Record<string, unknown>): Promise<number> {
  const { currentVersion } = (await (await admin.get(`${DOC}/versions?limit=1`)).json()) as { currentVersion: number };
  const res = await admin.post(`${DOC}/versions`, { body, message: "from the test", expectedVersion: currentVersion });
  expect(res.status).toBe(201);
  return ((await res.json()) as { version: number }).version;
}

const drift = async () => (await (await admin.get(`${DOC}/drift`)).json()) as Drift;

describe("the SDK", () => {
  it("applies the current config, secrets included, follows each publish and reports the version it runs", async () => {
    const first = await publish({ results: 10, index: { apiKey: "k-1" } });
    const clients = [sdk.client(app, token, SERVICE), sdk.client(app, token, SERVICE)];
    await eventually("every client applies the first version", () => (clients.every((c) => c.configVersion() === first) ? true : undefined));
    expect(clients[0]!.config()).toEqual({ results: 10, index: { apiKey: "k-1" } });

    const seen: number[] = [];
    clients[0]!.onConfigChange((config, version) => seen.push(version, config.results as number));
    const second = await publish({ results: 20, index: { apiKey: "k-1" } });
    const lagging = await drift();
    expect(lagging.currentVersion).toBe(second);

    await eventually("drift reaches zero", async () => {
      const now = await drift();
      return now.current === 2 && now.lagging === 0 ? now : undefined;
    });
    expect(seen).toEqual([second, 20]);
    expect(clients[1]!.config()).toMatchObject({ results: 20 });
  });

  it("shows an instance that keeps an old version as lagging since the version it lacks", async () => {
    const stuck = "search-api-stuck";
    const fleet = app.caller({ bearer: token });
    expect((await fleet.post("/api/v1/report", { service: SERVICE, instance: stuck, configVersion: 1 })).status).toBe(200);
    const { instances, lagging } = await drift();
    expect(lagging).toBe(1);
    const [history] = [(await (await admin.get(`${DOC}/versions`)).json()) as { versions: { version: number; publishedAt: string }[] }];
    const missing = history.versions.find((v) => v.version === 2)!;
    expect(instances[0]).toMatchObject({ instance: stuck, configVersion: 1, laggingSince: missing.publishedAt });
  });
});
