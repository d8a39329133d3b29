/**
 * What the browser run's global setup hands to the test workers, through their environment, which
 * Playwright workers inherit from the runner.
 */
/** The admin's signed-in browser state, saved by the setup project (gitignored). */
export const ADMIN_STATE = "e2e/.auth/admin.json";

const keys = { url: "BREAKWATER_E2E_URL", adminEmail: "BREAKWATER_E2E_ADMIN_EMAIL", adminPassword: "BREAKWATER_E2E_ADMIN_PASSWORD" } as const;

export interface BrowserRun {
  url: string;
  admin: { email: string; password: string };
}

export function publishBrowserRun(run: BrowserRun): void {
  process.env[keys.url] = run.url;
  process.env[keys.adminEmail] = run.admin.email;
  process.env[keys.adminPassword] = run.admin.password;
}

/** The console's URL, or undefined while the config is read before the global setup ran. */
export function browserRunUrl(): string | undefined {
  return process.env[keys.url];
}

export function browserRun(): BrowserRun {
  const [url, email, password] = [process.env[keys.url], process.env[keys.adminEmail], process.env[keys.adminPassword]];
  if (!url || !email || !password) throw new Error("The browser run is not set up: run the specs with `npx playwright test` or `npm test`.");
  return { url, admin: { email, password } };
}
