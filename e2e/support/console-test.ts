import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { createBreakwaterClient, type BreakwaterClient } from "@/lib/sdk";
import { addUser, signInThroughApi } from "./browser-auth";
import { browserRun } from "./browser-run";
import { unique } from "./unique";

export { unique };

interface ConsoleFixtures {
  /** A fresh user of `role`, added by the admin and signed in in a browser context of their own. */
  signInAs(role: string): Promise<{ page: Page; email: string }>;
  /** An SDK instance of `service`, as a real service runs it, reporting to the test console. */
  sdkInstance(service: string, token: string): BreakwaterClient;
}

/** Playwright's `test` with the people and SDK instances a spec needs, closed after each test. */
export const test = base.extend<ConsoleFixtures>({
  signInAs: async ({ browser, page }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const user = await addUser(page.request, `${unique(role)}@example.com`, role);
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      expect(await signInThroughApi(context.request, user.email, user.password)).toEqual({ ok: true, error: null });
      return { page: await context.newPage(), email: user.email };
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  // Playwright reads a fixture's dependencies from this pattern, so it stays empty.
  sdkInstance: async ({}, use) => {
    const clients: BreakwaterClient[] = [];
    await use((service, token) => {
      const client = createBreakwaterClient({ url: browserRun().url, token, service, instance: unique(service), environment: "production", heartbeatMs: 500, controlWaitSeconds: 30 });
      clients.push(client);
      return client;
    });
    clients.forEach((c) => c.close());
  },
});

export { expect };
