import type { Page } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

/** Replaces the whole text of a CodeMirror editor, as typing would. */
async function typeBody(page: Page, text: string): Promise<void> {
  const content = page.getByRole("group", { name: "Config body" }).locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function publishFromEditor(page: Page, message: string, version: number): Promise<void> {
  await page.getByLabel("What changes, and why").fill(message);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("dialog", { name: `Publish version ${version}?` }).getByRole("button", { name: "Publish" }).click();
}

test("an admin edits with inline schema errors, meets a conflict and rebases, rolls back, compares, and the fleet converges", async ({ page, signInAs, sdkInstance }) => {
  const service = unique("cfg");
  const doc = `/api/v1/config/${service}/production`;
  const schema = { type: "object", required: ["replicas"], properties: { replicas: { type: "integer", minimum: 1 } } };
  expect((await page.request.put(`${doc}/schema`, { data: { schema } })).status()).toBe(200);
  expect((await page.request.post(`${doc}/versions`, { data: { body: { replicas: 2 }, message: "first", expectedVersion: 0 } })).status()).toBe(201);

  const token = await addServiceToken(page.request, unique("cfg-token"), service);
  const clients = [sdkInstance(service, token), sdkInstance(service, token)];

  await page.goto(`/config?service=${service}&environment=production`);
  await expect(page.getByTestId("current-version")).toHaveText("v1");

  await typeBody(page, '{ "replicas": 0 }');
  const problems = page.getByRole("list", { name: "Problems in the body" });
  await expect(problems).toContainText("body.replicas");
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await typeBody(page, '{ "replicas": 3 }');
  await expect(problems).toHaveCount(0);
  await publishFromEditor(page, "three replicas", 2);
  await expect(page.getByTestId("current-version")).toHaveText("v2");

  // Someone else publishes from a browser of their own while the first admin edits.
  await typeBody(page, '{ "replicas": 3, "region": "eu" }');
  const { page: otherPage } = await signInAs("admin");
  await otherPage.goto(`/config?service=${service}&environment=production`);
  await expect(otherPage.getByTestId("current-version")).toHaveText("v2");
  await typeBody(otherPage, '{ "replicas": 5 }');
  await publishFromEditor(otherPage, "five replicas", 3);
  await expect(otherPage.getByTestId("current-version")).toHaveText("v3");

  await publishFromEditor(page, "add a region", 3);
  const conflict = page.getByRole("dialog", { name: "Changed by someone else" });
  await expect(conflict.getByRole("row").filter({ hasText: "replicas" })).toContainText("5");
  await conflict.getByRole("button", { name: "Rebase onto it" }).click();
  await expect(page.getByText("Your changes now sit on version 3")).toBeVisible();
  await publishFromEditor(page, "add a region", 4);
  await expect(page.getByTestId("current-version")).toHaveText("v4");
  const applied = await page.request.get(doc);
  expect(((await applied.json()) as { body: unknown }).body).toEqual({ replicas: 5, region: "eu" });

  await page.getByRole("tab", { name: "History" }).click();
  await page.getByRole("button", { name: "Roll back to v1" }).click();
  const rollback = page.getByRole("dialog", { name: "Roll back to version 1?" });
  await rollback.getByLabel("Reason").fill("e2e: back to two replicas");
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByTestId("current-version")).toHaveText("v5");
  await expect(page.getByRole("row").filter({ hasText: "e2e: back to two replicas" })).toContainText("rollback to v1");

  await page.getByRole("tab", { name: "Diff" }).click();
  await page.getByLabel("From version").selectOption("4");
  await page.getByLabel("To version").selectOption("5");
  const changes = page.getByRole("table", { name: "Changes" });
  await expect(changes.getByRole("row").filter({ hasText: "region" })).toContainText("absent");
  await expect(changes.getByRole("row").filter({ hasText: "replicas" })).toContainText("2");

  await page.getByRole("tab", { name: "Drift" }).click();
  await expect(page.getByTestId("drift-summary")).toContainText("2 of 2 instances run v5");
  expect(clients.map((c) => c.config())).toEqual([{ replicas: 2 }, { replicas: 2 }]);
});
