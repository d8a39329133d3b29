import type { APIRequestContext } from "@playwright/test";
import { bucketOf } from "@/lib/domain/config/rollout/bucket";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

type Breaker = { name: string; state: string; failures: number; successes: number };
const healthy: Breaker[] = [{ name: "ledger", state: "closed", failures: 0, successes: 40 }];
const failing: Breaker[] = [{ name: "ledger", state: "open", failures: 38, successes: 2 }];

/** Instances named so that each step of 10 / 50 / 100 takes two more of them. */
function fleetOf(service: string): { first: string[]; second: string[]; last: string[] } {
  const names = Array.from({ length: 400 }, (_, i) => `${service}-${i}`);
  const pick = (low: number, high: number) => names.filter((n) => bucketOf(n) >= low && bucketOf(n) < high).slice(0, 2);
  return { first: pick(0, 10), second: pick(10, 50), last: pick(50, 100) };
}

/** Each instance reports the version its control document names, as the SDK applies it, with its breakers. */
function fleetReporter(request: APIRequestContext, service: string, token: string) {
  const bearer = { authorization: `Bearer ${token}` };
  return async (instances: string[], breakers: Breaker[]) => {
    for (const instance of instances) {
      const control = await request.get(`/api/v1/control/${service}?instance=${instance}`, { headers: bearer });
      const configVersion = ((await control.json()) as { config: Record<string, { version: number }> }).config.production?.version;
      const res = await request.post("/api/v1/report", { headers: bearer, data: { service, instance, configVersion, breakers } });
      expect(res.status(), await res.text()).toBe(200);
    }
  };
}

test("a rollout's progress is watched live, step by step, until its guard halts it", async ({ page }) => {
  const service = unique("ledger-api");
  const doc = `/api/v1/config/${service}/production`;
  const token = await addServiceToken(page.request, unique("rollout-token"), service);
  const fleet = fleetOf(service);
  const everyone = [...fleet.first, ...fleet.second, ...fleet.last];
  const report = fleetReporter(page.request, service, token);

  expect((await page.request.post(`${doc}/versions`, { data: { body: { ledgerUrl: "https://ledger" }, message: "first", expectedVersion: 0 } })).status()).toBe(201);
  await report(everyone, healthy);
  const rollout = { steps: [10, 50, 100], stepSeconds: 3600, guard: { breakerOpenFraction: 0.2, errorRateAbove: 0.1 } };
  expect((await page.request.post(`${doc}/versions`, { data: { body: { ledgerUrl: "https://ledger-next" }, message: "new ledger", expectedVersion: 1, rollout } })).status()).toBe(201);

  await page.goto(`/config?service=${service}&environment=production`);
  const panel = page.getByTestId("rollout-panel");
  await expect(panel.getByTestId("rollout-status")).toHaveText("running");
  await expect(panel.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText("10%");
  await expect(panel.getByTestId("rollout-instances")).toContainText("0 of 6 live instances run v2");

  // The first step's instances take the new version and stay healthy.
  await report(everyone, healthy);
  await expect(panel.getByTestId("rollout-instances")).toContainText("2 of 6 live instances run v2");

  await panel.getByRole("button", { name: "Advance" }).click();
  await expect(panel.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText("→ 50%");
  await report(everyone, healthy);
  await expect(panel.getByTestId("rollout-instances")).toContainText("4 of 6 live instances run v2");

  // The new version breaks the ledger on the instances that run it; the console halts it by itself.
  await report([...fleet.first, ...fleet.second], failing);
  await expect(panel.getByTestId("rollout-status")).toHaveText("halted", { timeout: 15_000 });
  await expect(panel.getByTestId("rollout-end-reason")).toContainText("config-rollout");
  await expect(panel.getByTestId("rollout-end-reason")).toContainText("breakers open 100% on the new version");
  await expect(panel.getByTestId("rollout-readings")).toContainText("tripped");
  await expect(panel.getByRole("button", { name: "Abort" })).toHaveCount(0);
  await expect(page.getByTestId("current-version")).toHaveText("v3");
});
