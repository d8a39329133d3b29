import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

// Every page with something on it: a service with an open breaker, a firing alert and so an incident.

const service = unique("a11y");
const breaker = "payments-db";
let alertId = 0;
let incidentId = 0;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const token = await addServiceToken(page.request, unique("a11y-token"), service);
  const headers = { authorization: `Bearer ${token}` };
  const report = { service, instance: `${service}-1`, health: { status: "degraded" }, breakers: [{ name: breaker, state: "open" }] };
  expect((await page.request.post("/api/v1/report", { headers, data: report })).status()).toBe(200);
  expect((await page.request.post("/api/v1/alerts", { headers, data: [{ labels: { alertname: unique("A11y"), service, severity: "critical" } }] })).status()).toBe(202);
  const { alerts } = (await (await page.request.get(`/api/v1/alerts?service=${service}`)).json()) as { alerts: { id: number }[] };
  alertId = alerts[0]!.id;
  await expect
    .poll(async () => {
      const { items } = (await (await page.request.get("/api/v1/incidents?status=open")).json()) as { items: { id: number; services: string[] }[] };
      incidentId = items.find((i) => i.services.includes(service))?.id ?? 0;
      return incidentId;
    })
    .not.toBe(0);
  await page.close();
});

const pages: Record<string, () => string> = {
  Overview: () => "/",
  Breakers: () => "/breakers",
  "a breaker": () => `/breakers/${service}/${breaker}`,
  Modes: () => "/modes",
  Alerts: () => "/alerts",
  "an alert's drawer": () => `/alerts?alert=${alertId}`,
  Incidents: () => "/incidents",
  "an incident": () => `/incidents/${incidentId}`,
  Config: () => "/config",
  Metrics: () => "/metrics",
  "a service's charts": () => `/metrics/${service}`,
  "metric rules": () => "/metrics/rules",
  Routing: () => "/routing",
  Audit: () => "/audit",
  Settings: () => "/settings",
};

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join("; ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const [name, path] of Object.entries(pages)) {
      test(`${name} has no serious or critical accessibility violation`, async ({ page }) => {
        await page.goto(path());
        await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
        await expect(page.getByRole("main")).not.toBeEmpty();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("the sign-in page has no serious or critical accessibility violation", async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await page.goto("/signin");
      await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
