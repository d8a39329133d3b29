import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addUser, signInThroughApi } from "../support/browser-auth";

test("a viewer cannot reach the settings page nor add a user", async ({ page, browser }) => {
  const viewer = await addUser(page.request, `viewer-${randomBytes(3).toString("hex")}@example.com`, "viewer");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    expect(await signInThroughApi(context.request, viewer.email, viewer.password)).toEqual({ ok: true, error: null });
    const viewerPage = await context.newPage();
    await viewerPage.goto("/settings");

    await expect(viewerPage.getByText("You need the admin role to see this page.")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: "Add user" })).toHaveCount(0);
    await expect(viewerPage.getByRole("button", { name: "Create token" })).toHaveCount(0);

    const res = await context.request.post("/api/v1/users", { data: { email: "sneaky@example.com", role: "admin" } });
    expect(res.status()).toBe(403);
  } finally {
    await context.close();
  }
});

test("an admin adds a user on the settings page and sees the password once", async ({ page }) => {
  const email = `added-${randomBytes(3).toString("hex")}@example.com`;
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("responder");
  await page.getByRole("button", { name: "Add user" }).click();

  await expect(page.getByText(/password/i).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("responder");
  const res = await page.request.get("/api/v1/users");
  const { users } = (await res.json()) as { users: { email: string; role: string }[] };
  expect(users).toContainEqual(expect.objectContaining({ email, role: "responder" }));
});
