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
  await expect(page.getByRole("region", { name: `service ${service}` }).getByText(instance)).toBeVisible();
  await expect(page).not.toHaveTitle("pwned");
});
