import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchOpossum } from "@/lib/sdk";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { attempt, consoleBreaker, eventually, sdkFixture } from "./sdk-fixture";

/** The SDK and its opossum adapter against a running console: trips seen, overrides obeyed. */
const SERVICE = "sdk-breakers";
const fixture = sdkFixture();
let app: TestApp;
let operator: Caller;
let token: string;

beforeAll(async () => {
  app = await startApp();
  token = (await seedServiceToken(app.database.db, SERVICE)).token;
  const user = await seedUser(app.database.db, "operator");
  operator = await app.signedIn(user.email, user.password);
});

afterAll(async () => {
  fixture.close();
  await app?.stop();
});

const override = (breaker: string, body: { override: string; reason: string }) =>
  operator.send("PUT", `/api/v1/services/${SERVICE}/breakers/${breaker}/override`, { json: body });

describe("an opossum breaker watched by the SDK", () => {
  it("shows as open on the console once it trips", async () => {
    const client = fixture.client(app, token, SERVICE);
    const { breaker, dependency } = fixture.breaker("openai", { resetTimeout: 60_000 });
    watchOpossum(client, breaker);
    await eventually("the console knows openai closed", async () => {
      const card = await consoleBreaker(operator, SERVICE, "openai");
      return card?.instances.find((i) => i.instance === client.instance)?.state === "closed" ? true : undefined;
    });
    dependency.healthy = false;
    for (let i = 0; i < 3; i++) await attempt(breaker);
    expect(breaker.opened).toBe(true);

    const card = await eventually("the console shows openai open with its failures", async () => {
      const found = await consoleBreaker(operator, SERVICE, "openai");
      const mine = found?.instances.find((i) => i.instance === client.instance);
      return found?.state === "open" && mine?.state === "open" && mine.failures === 3 ? found : undefined;
    });
    expect(card.transitions.some((t) => t.instance === client.instance && t.to === "open")).toBe(true);
  });

  it("is held open by a force from the console past its reset timeout, and closes again once cleared", async () => {
    const client = fixture.client(app, token, SERVICE);
    const { breaker } = fixture.breaker("s3");
    watchOpossum(client, breaker);
    await eventually("the console knows s3", () => consoleBreaker(operator, SERVICE, "s3"));
    expect(await attempt(breaker)).toBe("ok");

    expect((await override("s3", { override: "forced_open", reason: "sdk test: s3 outage drill" })).status).toBe(200);
    await eventually("s3 rejects calls", async () => ((await attempt(breaker)) === "EOPENBREAKER" ? true : undefined), 1_000);
    // Three reset timeouts: left to itself opossum would have probed half-open after the first.
    const holdUntil = Date.now() + 3 * 500;
    while (Date.now() < holdUntil) {
      expect(await attempt(breaker)).toBe("EOPENBREAKER");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await eventually("the console shows s3 forced open", async () => {
      const card = await consoleBreaker(operator, SERVICE, "s3");
      return card?.instances.find((i) => i.instance === client.instance)?.state === "forced_open" ? true : undefined;
    });

    expect((await override("s3", { override: "none", reason: "sdk test: drill over" })).status).toBe(200);
    await eventually("s3 closes again", async () => ((await attempt(breaker)) === "ok" && breaker.closed ? true : undefined));
    await eventually("the console shows s3 closed", async () => {
      const card = await consoleBreaker(operator, SERVICE, "s3");
      return card?.instances.find((i) => i.instance === client.instance)?.state === "closed" ? true : undefined;
    });
  });

  it("lets failing calls through while forced closed, and the console still sees the failures", async () => {
    const client = fixture.client(app, token, SERVICE);
    const { breaker, dependency } = fixture.breaker("redis");
    watchOpossum(client, breaker);
    await eventually("the console knows redis", () => consoleBreaker(operator, SERVICE, "redis"));

    expect((await override("redis", { override: "forced_closed", reason: "sdk test: breaker misfires" })).status).toBe(200);
    await eventually("the instance holds redis closed", () => (client.overrideOf("redis").override === "forced_closed" ? true : undefined));
    dependency.healthy = false;
    for (let i = 0; i < 6; i++) expect(await attempt(breaker)).toBe("failed");
    expect(breaker.closed).toBe(true);
    const seen = await eventually("the console shows redis forced closed with its failures", async () => {
      const card = await consoleBreaker(operator, SERVICE, "redis");
      const mine = card?.instances.find((i) => i.instance === client.instance);
      return mine?.state === "forced_closed" && (mine.failures ?? 0) >= 6 ? mine : undefined;
    });
    expect(seen.rejects).toBe(0);
  });
});
