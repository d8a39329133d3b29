import type { Page } from "@playwright/test";
import type { ModeChange } from "@/lib/sdk";
import { addServiceToken } from "../support/browser-auth";
import { browserRun } from "../support/browser-run";
import { expect, test, unique } from "../support/console-test";

async function reportOnce(admin: Page, service: string): Promise<void> {
  const token = await addServiceToken(admin.request, unique("token"), service);
  const res = await admin.request.post("/api/v1/report", { headers: { authorization: `Bearer ${token}` }, data: { service, instance: `${service}-1`, mode: "normal" } });
  expect(res.status()).toBe(200);
}

test("an operator flips a mode: the SDK instances receive it, converge, and the audit log keeps the reason", async ({ page, signInAs, sdkInstance }) => {
  const service = unique("flip");
  const token = await addServiceToken(page.request, unique("flip-token"), service);
  const instances = [sdkInstance(service, token), sdkInstance(service, token)];
  await Promise.all(instances.map((i) => i.report()));
  const received: ModeChange[][] = instances.map(() => []);
  instances.forEach((client, i) => client.onModeChange((_mode, change) => received[i]!.push(change)));

  const operator = await signInAs("operator");
  await operator.page.goto("/modes");
  await expect(operator.page.getByRole("heading", { name: "Modes" })).toBeVisible();
  const section = operator.page.getByRole("region", { name: `modes ${service}` });
  await expect(section).toContainText("2 / 2 instances on normal");

  await section.getByRole("button", { name: "Flip mode" }).click();
  const dialog = operator.page.getByRole("dialog", { name: `Flip ${service}` });
  await dialog.getByLabel("Mode").selectOption("local_queue");
  await dialog.getByLabel("Reason").fill("e2e: the vector store is down");
  await dialog.getByLabel("Expires").selectOption("1 h");
  await dialog.getByRole("button", { name: "Flip", exact: true }).click();
  await expect(dialog).toHaveCount(0);

  for (const changes of received) {
    await expect.poll(() => changes.at(-1)).toMatchObject({ mode: "local_queue", source: "manual", reason: "e2e: the vector store is down", setBy: operator.email });
  }
  await expect(section).toContainText("2 / 2 instances on local_queue");
  await expect(section).toContainText(`Flipped by ${operator.email}`);
  await expect(section).toContainText("e2e: the vector store is down");

  await page.goto("/audit");
  await page.getByLabel("Action").fill("mode.set");
  await page.getByLabel("Target").fill(`service:${service}`);
  await page.getByLabel("Target").press("Enter");
  await expect(page.getByRole("row").filter({ hasText: operator.email }).filter({ hasText: "e2e: the vector store is down" })).toBeVisible();
});

test("a flip decided on a stale page shows the newer state, and is re-applied only on request", async ({ page, signInAs }) => {
  const service = unique("stale");
  await reportOnce(page, service);
  const operator = await signInAs("operator");
  await operator.page.goto("/modes");
  const section = operator.page.getByRole("region", { name: `modes ${service}` });
  await section.getByRole("button", { name: "Flip mode" }).click();
  const dialog = operator.page.getByRole("dialog", { name: `Flip ${service}` });
  await dialog.getByLabel("Mode").selectOption("reduced_performance");
  await dialog.getByLabel("Reason").fill("e2e: slow responses");

  const meanwhile = await page.request.put(`/api/v1/services/${service}/mode`, { data: { mode: "emergency", reason: "e2e: someone else decided first" } });
  expect(meanwhile.status()).toBe(200);
  await dialog.getByRole("button", { name: "Flip", exact: true }).click();

  const conflict = operator.page.getByRole("dialog", { name: "Someone changed this mode" });
  await expect(conflict).toContainText("emergency");
  await expect(conflict).toContainText("e2e: someone else decided first");
  await expect(conflict).toContainText(browserRun().admin.email);
  await expect(section).toContainText("e2e: someone else decided first");

  await conflict.getByRole("button", { name: "Re-apply mine" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(section).toContainText(`Flipped by ${operator.email}`);
  await expect(section).toContainText("e2e: slow responses");
});

test("a viewer sees the modes but no control to flip them", async ({ page, signInAs }) => {
  const service = unique("viewed");
  await reportOnce(page, service);
  await page.request.put(`/api/v1/services/${service}/mode`, { data: { mode: "local_queue", reason: "e2e: flipped for the viewer" } });
  const viewer = await signInAs("viewer");
  await viewer.page.goto("/modes");
  const section = viewer.page.getByRole("region", { name: `modes ${service}` });
  await expect(section).toContainText("e2e: flipped for the viewer");
  await expect(viewer.page.getByRole("button", { name: "Flip mode" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: "Return to automatic" })).toHaveCount(0);
});
