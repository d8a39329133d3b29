import type { Page } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";
import { markDocument, stillSameDocument } from "../support/same-document";

/** Reports breakers of one instance of `service` through the public API, as a service does. */
function reporter(admin: Page, service: string) {
  const token = addServiceToken(admin.request, unique("breaker-token"), service);
  return async (breakers: { name: string; state: string; failureRate?: number }[]) => {
    const res = await admin.request.post("/api/v1/report", {
      headers: { authorization: `Bearer ${await token}` },
      data: { service, instance: `${service}-1`, breakers },
    });
    expect(res.status()).toBe(200);
  };
}

test("a breaker that opens moves its card first, without a reload", async ({ page }) => {
  const service = unique("cards");
  const report = reporter(page, service);
  await report([
    { name: "cache", state: "closed", failureRate: 0 },
    { name: "payments", state: "closed", failureRate: 0 },
  ]);

  await page.goto("/breakers");
  await expect(page.getByRole("heading", { name: "Breakers" })).toBeVisible();
  await page.getByLabel("Service").selectOption(service);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toHaveAccessibleName(`breaker ${service}/cache`);
  await markDocument(page);

  await report([
    { name: "cache", state: "closed", failureRate: 0 },
    { name: "payments", state: "open", failureRate: 0.8 },
  ]);
  await expect(cards.first()).toHaveAccessibleName(`breaker ${service}/payments`);
  await expect(cards.first()).toContainText("open 1");
  await expect(cards.first()).toContainText("80%");
  expect(await stillSameDocument(page)).toBe(true);

  await cards.first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `${service}/payments` })).toBeVisible();
  await expect(page.getByRole("table", { name: `transitions of ${service}/payments` })).toContainText("closed → open");
});

test("an operator forces a breaker open with a reason, and the card says who and why", async ({ page, signInAs }) => {
  const service = unique("forced");
  await reporter(page, service)([{ name: "openai", state: "closed" }]);
  const operator = await signInAs("operator");
  await operator.page.goto("/breakers");
  const card = operator.page.getByRole("article", { name: `breaker ${service}/openai` });

  await card.getByRole("button", { name: "Force open" }).click();
  const dialog = operator.page.getByRole("dialog", { name: `Force ${service}/openai open` });
  await dialog.getByRole("button", { name: "Force open" }).click();
  await expect(dialog.getByRole("alert")).toContainText("reason");
  await dialog.getByLabel("Reason").fill("e2e: the provider is rate limiting us");
  await dialog.getByLabel("Expires").selectOption("15 min");
  await dialog.getByRole("button", { name: "Force open" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(card).toContainText("forced open");
  await expect(card).toContainText(operator.email);
  await expect(card).toContainText("e2e: the provider is rate limiting us");
  await expect(card).toContainText(/expires in 1[45] min/);
  await expect(card.getByRole("button", { name: "Clear override" })).toBeVisible();
});

test("a viewer sees the breakers but no control to force them", async ({ page, signInAs }) => {
  const service = unique("watched");
  await reporter(page, service)([{ name: "db", state: "closed" }]);
  const viewer = await signInAs("viewer");
  await viewer.page.goto("/breakers");
  await expect(viewer.page.getByRole("article", { name: `breaker ${service}/db` })).toBeVisible();
  for (const name of ["Force open", "Force closed", "Clear override"]) {
    await expect(viewer.page.getByRole("button", { name })).toHaveCount(0);
  }
});
