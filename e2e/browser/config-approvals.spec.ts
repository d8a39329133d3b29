import type { Page } from "@playwright/test";
import { expect, test, unique } from "../support/console-test";

async function typeBody(page: Page, text: string): Promise<void> {
  const content = page.getByRole("group", { name: "Config body" }).locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

test("one admin publishes into a pending request; another, in a browser of their own, approves it after reading the diff", async ({ page, signInAs }) => {
  const service = unique("four-eyes");
  const doc = `/api/v1/config/${service}/production`;
  expect((await page.request.post(`${doc}/versions`, { data: { body: { replicas: 2, region: "eu" }, message: "first", expectedVersion: 0 } })).status()).toBe(201);
  expect((await page.request.put(`${doc}/policy`, { data: { approvals: 1, freezeWhileCritical: false } })).status()).toBe(200);

  await page.goto(`/config?service=${service}&environment=production`);
  await expect(page.getByTestId("policy")).toContainText("publishes wait for 1 approval");
  await typeBody(page, '{ "replicas": 4, "region": "eu" }');
  await page.getByLabel("What changes, and why").fill("four replicas for the sale");
  await page.getByRole("button", { name: "Request approval", exact: true }).click();
  await page.getByRole("dialog", { name: "Request approval for version 2?" }).getByRole("button", { name: "Request approval" }).click();
  await expect(page.getByRole("status").filter({ hasText: "waits for approval" })).toBeVisible();
  await expect(page.getByTestId("current-version")).toHaveText("v1");

  const { page: approver } = await signInAs("admin");
  await approver.goto(`/config?service=${service}&environment=production`);
  await approver.getByRole("tab", { name: /^Requests/ }).click();
  const request = approver.getByRole("article", { name: /^Change request/ });
  await expect(request).toContainText("four replicas for the sale");
  const changed = request.getByRole("row").filter({ hasText: "replicas" });
  await expect(changed).toContainText("2");
  await expect(changed).toContainText("4");
  await expect(request.getByRole("row").filter({ hasText: "region" })).toHaveCount(0);
  await request.getByRole("button", { name: "Approve" }).click();
  const confirm = approver.getByRole("dialog", { name: /^Approve change request/ });
  await expect(confirm).toContainText("published at once as version 2");
  await confirm.getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByTestId("current-version")).toHaveText("v2");
  await expect(approver.getByText("No change request waits.")).toBeVisible();

  // The author's page follows live, and the author never had an Approve button of their own.
  await expect(page.getByTestId("current-version")).toHaveText("v2");
  const applied = await page.request.get(doc);
  expect(((await applied.json()) as { body: unknown }).body).toEqual({ replicas: 4, region: "eu" });
});

test("the editor says up front that a document is frozen, and why", async ({ page }) => {
  const service = unique("frozen");
  const doc = `/api/v1/config/${service}/production`;
  expect((await page.request.put(`${doc}/policy`, { data: { approvals: 0, freezeWhileCritical: true } })).status()).toBe(200);
  expect((await page.request.post("/api/v1/alerts", { data: [{ labels: { alertname: "PaymentsDown", service, severity: "critical" } }] })).status()).toBe(202);
  await page.goto(`/config?service=${service}&environment=production`);
  await expect(page.getByRole("alert").filter({ hasText: "Frozen" })).toContainText("PaymentsDown");
  await expect(page.getByLabel("Override the freeze: why")).toBeVisible();
});
