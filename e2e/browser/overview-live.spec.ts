import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";
import { markDocument, stillSameDocument } from "../support/same-document";

test("a service that reports appears on the overview without a reload", async ({ page }) => {
  const service = unique("live");
  const instance = `${service}-7f9c`;
  const token = await addServiceToken(page.request, unique("live-token"), service);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const section = page.getByRole("region", { name: `service ${service}` });
  await expect(section).toHaveCount(0);
  await markDocument(page);

  const res = await page.request.post("/api/v1/report", {
    headers: { authorization: `Bearer ${token}` },
    data: { service, instance, health: { status: "degraded", checks: { db: "healthy", llm: "degraded" } } },
  });
  expect(res.status()).toBe(200);

  const row = section.getByRole("row").filter({ hasText: instance });
  await expect(row).toBeVisible();
  await expect(row).toContainText("degraded");
  await expect(section.getByRole("columnheader", { name: "Last seen" })).toBeVisible();
  expect(await stillSameDocument(page)).toBe(true);
});

test("instance names are shown as text, never run as markup", async ({ page }) => {
  const service = unique("markup");
  const instance = `<img src=x onerror="document.title='pwned'">${service}`;
  const token = await addServiceToken(page.request, unique("markup-token"), service);
  const res = await page.request.post("/api/v1/report", { headers: { authorization: `Bearer ${token}` }, data: { service, instance } });
  expect(res.status()).toBe(200);

  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const section = page.getByRole("region", { name: `service ${service}` });
  // A healthy service is one line until opened.
  await expect(section.getByText(instance)).toBeHidden();
  // By keyboard: a click aims at coordinates, and live updates above can move the line under it.
  await section.locator("summary").press("Enter");
  await expect(section.getByText(instance)).toBeVisible();
  await expect(page).not.toHaveTitle("pwned");
});

test("the overview lists what needs someone first, each item one click from where it is acted on", async ({ page }) => {
  const service = unique("troubled");
  const token = await addServiceToken(page.request, unique("troubled-token"), service);
  const headers = { authorization: `Bearer ${token}` };
  const report = { service, instance: `${service}-1`, breakers: [{ name: "payments-db", state: "open" }] };
  expect((await page.request.post("/api/v1/report", { headers, data: report })).status()).toBe(200);
  const alertName = unique("Burning");
  expect((await page.request.post("/api/v1/alerts", { headers, data: [{ labels: { alertname: alertName, service, severity: "critical" } }] })).status()).toBe(202);

  await page.goto("/");
  const strip = page.getByRole("region", { name: "Needs you now" });
  const breaker = strip.getByRole("link", { name: new RegExp(`payments-db open on 1 of 1 instance of ${service}`) });
  await expect(breaker).toBeVisible();
  await expect(strip.getByRole("link", { name: /critical alerts? firing/ })).toBeVisible();

  // Live: a manual flip shows up without a reload, with who and why.
  const flip = await page.request.put(`/api/v1/services/${service}/mode`, { data: { mode: "local_queue", reason: "payments-db outage" } });
  expect(flip.status()).toBe(200);
  const mode = strip.getByRole("link", { name: new RegExp(`${service} runs local_queue, not normal`) });
  await expect(mode).toContainText("payments-db outage");
  // The troubled service is open above the quiet ones.
  await expect(page.getByRole("region", { name: `service ${service}` }).getByRole("row").filter({ hasText: `${service}-1` })).toBeVisible();

  await breaker.click();
  await expect(page).toHaveURL(new RegExp(`/breakers/${service}/payments-db$`));
  await page.goBack();
  await mode.click();
  await expect(page).toHaveURL(/\/modes$/);
});
