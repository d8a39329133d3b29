import { expect, test as setup } from "@playwright/test";
import { signInThroughApi } from "../support/browser-auth";
import { ADMIN_STATE, browserRun } from "../support/browser-run";

setup("sign in as the admin once", async ({ page }) => {
  const { admin } = browserRun();
  expect(await signInThroughApi(page.request, admin.email, admin.password)).toEqual({ ok: true, error: null });
  expect((await page.request.get("/api/v1/audit/verify")).status()).toBe(200);
  expect((await page.goto("/"))?.ok()).toBe(true);
  await page.context().storageState({ path: ADMIN_STATE });
});
