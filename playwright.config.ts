import { defineConfig } from "@playwright/test";
import { ADMIN_STATE, browserRunUrl } from "./e2e/support/browser-run";
import { CHROMIUM } from "./e2e/support/debian-packages";

export default defineConfig({
  testDir: "e2e/browser",
  globalSetup: "./e2e/support/browser-global-setup.ts",
  // One console serves the run, on two cores: one browser at a time keeps waits honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: browserRunUrl(),
    // The console refuses cookie writes without a same-origin Origin (CSRF); a browser sends one on
    // every write, Playwright's API requests do not, so they send what the browser would.
    extraHTTPHeaders: originOf(browserRunUrl()),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM.binary,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], use: { browserName: "chromium", storageState: ADMIN_STATE } },
  ],
});

function originOf(url: string | undefined): Record<string, string> {
  return url ? { origin: new URL(url).origin } : {};
}
