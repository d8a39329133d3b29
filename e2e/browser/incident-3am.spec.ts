import type { APIRequestContext } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

/** The 3 a.m. path: an alert fires just after a publish, the drawer names it, and one click undoes it. */

async function ok(response: Promise<{ status(): number; text(): Promise<string> }>, status: number): Promise<void> {
  const res = await response;
  expect(res.status(), await res.text()).toBe(status);
}

async function seed(request: APIRequestContext, service: string): Promise<{ token: string; alertname: string }> {
  const token = await addServiceToken(request, unique("fix-token"), service);
  const bearer = { authorization: `Bearer ${token}` };
  for (const instance of ["a", "b", "c"]) await ok(request.post("/api/v1/report", { headers: bearer, data: { service, instance: `${service}-${instance}` } }), 200);
  const versions = `/api/v1/config/${service}/production/versions`;
  await ok(request.post(versions, { data: { body: { pool: 10 }, message: "pool of ten", expectedVersion: 0 } }), 201);
  await ok(request.post(versions, { data: { body: { pool: 0 }, message: "pool of none", expectedVersion: 1 } }), 201);
  const alertname = unique("PoolExhausted");
  await ok(request.post("/api/v1/alerts", { headers: bearer, data: [{ labels: { alertname, service, severity: "critical" }, status: "firing" }] }), 202);
  return { token, alertname };
}

test("an alert after a publish: the drawer names the publish, the admin rolls it back from there, the incident tells it in order and exports", async ({ page }) => {
  const service = unique("rag-api");
  const { alertname } = await seed(page.request, service);

  await page.goto("/alerts");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await page.getByLabel("Service", { exact: true }).fill(service);
  await page.getByRole("row", { name: `alert ${alertname}` }).click();
  const drawer = page.getByRole("complementary", { name: `details of ${alertname}` });
  const changed = drawer.getByRole("region", { name: "What changed" });
  await expect(changed.locator("li[data-last-before-firing]")).toContainText("config production version 2 published");
  await expect(changed.locator("li[data-last-before-firing]")).toContainText("last change before firing");

  await drawer.getByRole("button", { name: "Roll back production to v1" }).click();
  const dialog = page.getByRole("dialog", { name: "Roll back production to v1?" });
  await expect(dialog).toContainText(`production config back to version 1 on 3 instances of ${service}`);
  const reason = dialog.getByLabel("Reason");
  await expect(reason).toHaveValue(new RegExp(`From alert ${alertname}`));
  await reason.fill(`${await reason.inputValue()}; the pool of none starved it`);
  await dialog.getByRole("button", { name: "Roll back production to v1" }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer.getByRole("list", { name: "Timeline" })).toContainText("config production rolled back to version 1 by");
  await expect(drawer.getByRole("list", { name: "Timeline" })).toContainText("from this alert");

  let incidentId = 0;
  await expect(async () => {
    const { items } = (await (await page.request.get("/api/v1/incidents?status=open")).json()) as { items: { id: number; services: string[] }[] };
    incidentId = items.find((i) => i.services.includes(service))?.id ?? 0;
    expect(incidentId, "the incidents job opened one").toBeGreaterThan(0);
  }).toPass();

  await page.goto(`/incidents/${incidentId}`);
  const timeline = page.getByRole("table", { name: "Incident timeline" });
  await expect(timeline).toContainText("rolled back to version 1");
  const whats = await timeline.locator("tbody tr td:nth-child(3)").allTextContents();
  const at = (text: string) => whats.findIndex((w) => w.includes(text));
  expect(at("version 2 published")).toBeGreaterThanOrEqual(0);
  expect(at("version 2 published")).toBeLessThan(at(`${alertname} fired`));
  expect(at(`${alertname} fired`)).toBeLessThan(at("rolled back to version 1"));
  await expect(timeline).toContainText("the pool of none starved it");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Markdown" }).click();
  expect((await download).suggestedFilename()).toBe(`incident-${incidentId}.md`);
});
