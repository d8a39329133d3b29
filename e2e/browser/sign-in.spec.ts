import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInThroughApi, testClientAddress } from "../support/browser-auth";
import { browserRun } from "../support/browser-run";

test.use({ storageState: { cookies: [], origins: [] } });

test("a visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("signs in through the form, sees the console, and signs out", async ({ page }) => {
  const { admin } = browserRun();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("complementary").getByText(admin.email)).toBeVisible();
  await expect(page.getByText("admin", { exact: true })).toBeVisible();
  for (const [name, href] of [["Overview", "/"], ["Audit", "/audit"], ["Settings", "/settings"]]) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", href!);
  }
  for (const name of ["Breakers", "Modes", "Alerts", "Config", "Metrics"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password shows an error and keeps the visitor out", async ({ page }) => {
  const { admin } = browserRun();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // Next.js keeps an empty role="alert" of its own for announcing routes.
  const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(page.getByRole("heading", { name: "Overview" })).toHaveCount(0);
});

test("the 11th attempt within a minute says to wait", async ({ browser }) => {
  const { admin } = browserRun();
  const address = testClientAddress();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": address } });
  try {
    const email = `limited-${randomBytes(3).toString("hex")}@example.com`;
    // Ten failures from this one address within the minute; the limit counts failures per address.
    for (let i = 0; i < 10; i++) expect((await signInThroughApi(context.request, email, "wrong-password", address)).error).toBe("CredentialsSignin");
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText(/too many/i);
    await expect(page.getByRole("heading", { name: "Overview" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
