import type { Page } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

/** A service that has reported once and sent the last 40 minutes of its standard series, one point a minute. */
async function seedService(page: Page, service: string): Promise<void> {
  const token = await addServiceToken(page.request, unique("charts"), service);
  const headers = { authorization: `Bearer ${token}` };
  expect((await page.request.post("/api/v1/report", { headers, data: { service, instance: `${service}-1` } })).status()).toBe(200);
  const now = Date.now();
  const tags = { breaker: "openai", instance: `${service}-1` };
  const points = Array.from({ length: 41 }, (_, i) => new Date(now - (40 - i) * 60_000).toISOString()).flatMap((ts, i) => [
    { service, name: "breaker_calls_per_second", kind: "gauge", value: 10 + (i % 5), ts, tags },
    { service, name: "breaker_error_rate", kind: "gauge", value: i > 30 ? 0.6 : 0.02, ts, tags },
    { service, name: "breaker_latency_p99_ms", kind: "gauge", value: 800 + (i % 7) * 50, ts, tags },
    { service, name: "queue_depth", kind: "gauge", value: i, ts, tags: { instance: `${service}-1` } },
  ]);
  expect((await page.request.post("/api/v1/metrics", { headers, data: points })).status()).toBe(202);
}

test("a service page draws its charts with the changes that explain them, and redraws for another range", async ({ page }) => {
  const service = unique("charted");
  await seedService(page, service);
  const flip = await page.request.put(`/api/v1/services/${service}/mode`, { data: { mode: "local_queue", reason: "openai outage drill" } });
  expect(flip.status()).toBe(200);

  await page.goto("/metrics");
  await page.getByRole("link", { name: service }).click();
  await expect(page.getByRole("heading", { name: service })).toBeVisible();

  const requestRate = page.getByRole("figure", { name: "Request rate chart" });
  await expect(requestRate.locator(".recharts-line path")).toBeVisible();
  await expect(requestRate).toHaveAttribute("data-points", "41");
  for (const title of ["Error rate", "Latency", "Queue depth", "Breaker error rates"]) {
    await expect(page.getByRole("figure", { name: `${title} chart` }).locator(".recharts-line path").first()).toBeVisible();
  }

  await requestRate.locator('[data-annotation="mode"]').hover();
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toContainText("mode.set local_queue");
  await expect(tooltip).toContainText("openai outage drill");
  await expect(tooltip.getByRole("link", { name: "Open" })).toHaveAttribute("href", "/modes");

  await page.getByRole("button", { name: "15 min" }).click();
  // Fifteen one-minute points, or fourteen if a minute went by since seeding.
  await expect(requestRate).toHaveAttribute("data-points", /^1[45]$/);
  // A week is drawn from hourly rows: the 41 minutes fall in one or two, each shown as a dot.
  await page.getByRole("button", { name: "7 d" }).click();
  await expect(requestRate).toHaveAttribute("data-points", /^[12]$/);
  await expect(requestRate.locator(".recharts-line-dot").first()).toBeVisible();
});

test("a flapping breaker reads as shaded open periods and counted markers, each kind can be hidden, and a drag zooms every chart", async ({ page }) => {
  const service = unique("flapping");
  await seedService(page, service);
  const token = await addServiceToken(page.request, unique("flaps"), service);
  const instance = `${service}-1`;
  const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();
  const event = (event: string, s: number) => ({ service, instance, breaker: "openai", event, at: ago(s) });
  // Open for ten minutes, then a minute of probes opening and closing it again every few seconds.
  const flaps = Array.from({ length: 8 }, (_, i) => [event("open", 600 - i * 6), event("half_open", 598 - i * 6), event("close", 597 - i * 6)]).flat();
  const events = [event("open", 1800), event("half_open", 1200), event("close", 1199), ...flaps];
  expect((await page.request.post("/api/v1/breakers/events", { headers: { authorization: `Bearer ${token}` }, data: events })).status()).toBe(202);

  await page.goto(`/metrics/${service}`);
  const requestRate = page.getByRole("figure", { name: "Request rate chart" });
  await expect(requestRate).toHaveAttribute("data-points", "41");
  await expect(requestRate).not.toHaveAttribute("data-bands", "0");
  const cluster = requestRate.locator('[data-annotation="cluster"]').first();
  await cluster.hover();
  await expect(page.getByRole("tooltip")).toContainText(/\d+ changes: \d+ breaker/);

  await page.getByRole("button", { name: "Breakers", exact: true }).click();
  await expect(requestRate).toHaveAttribute("data-bands", "0");
  await expect(requestRate).toHaveAttribute("data-clusters", "0");
  await page.getByRole("button", { name: "Breakers", exact: true }).click();
  await expect(requestRate).not.toHaveAttribute("data-bands", "0");

  // Hovering one chart shows the same time on the others.
  const plot = (await requestRate.locator(".recharts-surface").boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height * 0.5);
  await expect(page.getByRole("figure", { name: "Latency chart" }).locator(".recharts-tooltip-wrapper .recharts-default-tooltip")).toBeVisible();

  await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole("button", { name: "Custom" })).toHaveAttribute("aria-pressed", "true");
  // The zoomed range is fetched anew: the chart holds none of its points until it arrives, then a
  // fifth of the 41 or so.
  await expect(requestRate).toHaveAttribute("data-points", /^([3-9]|[1-3]\d|40)$/);
  const zoomed = Number(await requestRate.getAttribute("data-points"));
  // Every chart follows the zoom, not only the one dragged across.
  await expect(page.getByRole("figure", { name: "Latency chart" })).toHaveAttribute("data-points", new RegExp(`^(${zoomed - 1}|${zoomed}|${zoomed + 1})$`));
});

test("an admin previews a rule over the last 24 hours, then saves it", async ({ page }) => {
  const service = unique("ruled");
  await seedService(page, service);
  const name = unique("ErrorsHigh");

  await page.goto("/metrics/rules");
  await page.getByRole("button", { name: "New rule" }).click();
  const form = page.getByRole("form", { name: "New rule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Service").fill(service);
  await form.getByLabel("Threshold").fill("0.5");
  await form.getByLabel("For (s)").fill("0");
  await form.getByRole("button", { name: "Preview last 24 h" }).click();
  // The seeded error rate is 0.6 over its last ten minutes.
  await expect(form.getByRole("figure", { name: "Rule preview" })).toContainText("would have fired 1 time");

  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`avg(breaker_error_rate[60s]) > 0.5`);
});
