import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModeChange } from "@/lib/sdk";
import { seedServiceToken, seedUser, type SeededUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { consoleService, eventually, sdkFixture } from "./sdk-fixture";

/** Mode flips from the console reaching SDK clients, and the instances confirming them. */
const SERVICE = "sdk-modes";
const fixture = sdkFixture();
let app: TestApp;
let user: SeededUser;
let operator: Caller;
let token: string;

beforeAll(async () => {
  app = await startApp();
  token = (await seedServiceToken(app.database.db, SERVICE)).token;
  user = await seedUser(app.database.db, "operator");
  operator = await app.signedIn(user.email, user.password);
});

afterAll(async () => {
  fixture.close();
  await app?.stop();
});

const instanceMode = async (instance: string) => (await consoleService(operator, SERVICE))?.instances.find((i) => i.instance === instance)?.mode ?? undefined;

describe("a mode flip", () => {
  it("reaches onModeChange, is confirmed in the next report, and clearing returns to the automatic mode", async () => {
    const client = fixture.client(app, token, SERVICE);
    const changes: ModeChange[] = [];
    client.onModeChange((_mode, change) => changes.push(change));
    await eventually("the console knows the instance", async () => (await instanceMode(client.instance)) === "normal" || undefined);

    const flip = await operator.send("PUT", `/api/v1/services/${SERVICE}/mode`, { json: { mode: "local_queue", reason: "sdk test: openai outage" } });
    expect(flip.status).toBe(200);
    await eventually("onModeChange fires", () => changes[0]);
    expect(changes[0]).toEqual({ mode: "local_queue", previous: "normal", source: "manual", reason: "sdk test: openai outage", setBy: user.email, expiresAt: null });
    expect(client.currentMode()).toBe("local_queue");
    await eventually("the instance reports local_queue", async () => (await instanceMode(client.instance)) === "local_queue" || undefined);

    client.setAutomaticMode("reduced_performance");
    expect(client.currentMode()).toBe("local_queue");
    const clear = await operator.send("DELETE", `/api/v1/services/${SERVICE}/mode`, { json: { reason: "sdk test: outage over" } });
    expect(clear.status).toBe(200);
    await eventually("onModeChange fires again", () => changes[1]);
    expect(changes[1]).toMatchObject({ mode: "reduced_performance", previous: "local_queue", source: "automatic" });
    await eventually("the instance reports its own mode", async () => (await instanceMode(client.instance)) === "reduced_performance" || undefined);
  });

  it("is followed at once by an instance that starts while it holds", async () => {
    const first = fixture.client(app, token, SERVICE);
    await eventually("the console knows the instance", async () => (await instanceMode(first.instance)) !== undefined || undefined);
    const flip = await operator.send("PUT", `/api/v1/services/${SERVICE}/mode`, { json: { mode: "emergency", reason: "sdk test: datacenter fire" } });
    expect(flip.status).toBe(200);

    const late = fixture.client(app, token, SERVICE);
    const modes: string[] = [];
    late.onModeChange((mode) => modes.push(mode));
    await eventually("the newcomer runs emergency", () => (late.currentMode() === "emergency" ? true : undefined));
    expect(modes).toEqual(["emergency"]);
    await eventually("both instances report emergency", async () => {
      const service = await consoleService(operator, SERVICE);
      const running = service?.instances.filter((i) => i.instance === first.instance || i.instance === late.instance).map((i) => i.mode);
      return running?.length === 2 && running.every((m) => m === "emergency") ? true : undefined;
    });
    await operator.send("DELETE", `/api/v1/services/${SERVICE}/mode`, { json: { reason: "sdk test: fire out" } });
  });
});
