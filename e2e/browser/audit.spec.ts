import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addUser, signInThroughApi } from "../support/browser-auth";
import { browserRun } from "../support/browser-run";

test("sign-ins and refused attempts show up on the audit page, and the chain is verified", async ({ page, playwright }) => {
  const { url, admin } = browserRun();
  const intruder = `intruder-${randomBytes(3).toString("hex")}@example.com`;
  const anonymous = await playwright.request.newContext({ baseURL: url });
  expect(await signInThroughApi(anonymous, intruder, "guessed-password")).toEqual({ ok: false, error: "CredentialsSignin" });
  await anonymous.dispose();

  const viewer = await addUser(page.request, `audited-${randomBytes(3).toString("hex")}@example.com`, "viewer");
  const viewerApi = await playwright.request.newContext({ baseURL: url });
  expect((await signInThroughApi(viewerApi, viewer.email, viewer.password)).ok).toBe(true);
  expect((await viewerApi.post("/api/v1/users", { data: { email: "sneaky@example.com", role: "admin" } })).status()).toBe(403);
  await viewerApi.dispose();

  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Chain verified")).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /format=csv/);
  await expect(page.getByRole("link", { name: "Export JSON" })).toHaveAttribute("href", /\/api\/v1\/audit/);

  const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
  await page.getByLabel("Target").fill(intruder);
  await page.getByLabel("Target").press("Enter");
  await expect(rows.filter({ hasText: intruder }).filter({ hasText: "auth.login" }).filter({ hasText: "denied" })).toHaveCount(1);

  await page.getByLabel("Target").fill("");
  await page.getByLabel("Actor").fill(viewer.email);
  await page.getByLabel("Actor").press("Enter");
  await expect(rows.filter({ hasText: viewer.email }).filter({ hasText: "user.create" }).filter({ hasText: "denied" })).toHaveCount(1);
  await expect(rows.filter({ hasText: viewer.email }).filter({ hasText: "auth.login" })).toHaveCount(1);

  await page.getByLabel("Actor").fill(admin.email);
  await page.getByLabel("Action").fill("auth.login");
  await page.getByLabel("Action").press("Enter");
  await expect(rows.filter({ hasText: admin.email }).filter({ hasText: "auth.login" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "user.create" })).toHaveCount(0);
});
