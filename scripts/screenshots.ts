/**
 * `npm run screenshots`: the README's pictures, taken from the demo fleet so they stay current.
 * Starts `npm start` on a throw-away data folder and its own ports, lets the fleet run into its
 * first trouble, signs in through the form and photographs the Overview, Breakers, an alert's
 * drawer and a service's charts in light and dark into docs/screenshots.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3700);
const origin = `http://localhost:${PORT}`;
const outDir = path.resolve("docs/screenshots");
const admin = { email: "screenshots@breakwater.local", password: randomBytes(18).toString("base64url") };
/** Long enough for the demo's first breaker trips and alerts; the scenario makes them come early. */
const FLEET_WARM_UP_MS = 60_000;

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "breakwater-screenshots-"));
  const { DATABASE_URL: _, ...inherited } = process.env;
  const console_ = spawn("npm", ["start"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(PORT), BREAKWATER_DEMO: "1", ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    detached: true,
  });
  try {
    await waitForReady();
    console.log(`· letting the demo fleet run for ${FLEET_WARM_UP_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, FLEET_WARM_UP_MS));
    await photograph();
  } finally {
    // npm start's own Ctrl-C path stops the console, the lane, the fleet and PostgreSQL.
    process.kill(-console_.pid!, "SIGINT");
    await new Promise((resolve) => console_.once("exit", resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function waitForReady(): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${origin}/api/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the console did not become ready on ${origin}`);
}

async function photograph(): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ baseURL: origin, colorScheme, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await signIn(page);
      await shoot(page, "/", `overview-${colorScheme}`);
      await shoot(page, "/breakers", `breakers-${colorScheme}`);
      await shoot(page, await firstAlertPath(page), `alert-${colorScheme}`);
      await shoot(page, "/metrics/rag-api", `metrics-${colorScheme}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
}

async function firstAlertPath(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/alerts?status=firing");
  const { alerts } = (await res.json()) as { alerts: { id: number }[] };
  return alerts[0] ? `/alerts?alert=${alerts[0].id}` : "/alerts";
}

async function shoot(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
  // Charts and sparklines draw after their data arrives; the live stream keeps the network busy.
  await page.waitForTimeout(2_000);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`· ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
