/**
 * `npm test`: every test, with nothing to set up beyond `npm install`. Starts one PostgreSQL for the
 * run (embedded in a temp folder, unless TEST_DATABASE_URL names a server), runs Vitest's unit and
 * integration projects and then Playwright (their global setups migrate the template and build the
 * console into .next-test), stops the database and prints one `N passed, N failed` line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testDatabaseServer } from "@/e2e/support/test-database";

interface Counts {
  passed: number;
  failed: number;
  /** False when the runner failed outside any test: a global setup, a file that does not load, its config. */
  clean: boolean;
}

let current: ChildProcess | null = null;
let interrupted = false;

async function main(): Promise<number> {
  const reports = await fs.mkdtemp(path.join(os.tmpdir(), "breakwater-test-reports-"));
  const database = await testDatabaseServer();
  // On Ctrl-C the runner in progress gets to tear down its servers; then the database stops and its folder goes.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      interrupted = true;
      current?.kill(signal);
    });
  }
  try {
    const env = { ...process.env, TEST_DATABASE_URL: database.url };
    const vitestReport = path.join(reports, "vitest.json");
    const vitest = await run("node_modules/vitest/vitest.mjs", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], env);
    const playwrightReport = path.join(reports, "playwright.json");
    const playwright = await run("node_modules/@playwright/test/cli.js", ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport });
    if (interrupted) return 130;
    return summarise({ Vitest: await vitestCounts(vitestReport, vitest), Playwright: await playwrightCounts(playwrightReport, playwright) });
  } finally {
    await database.stop();
    await fs.rm(reports, { recursive: true, force: true });
  }
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (interrupted) return Promise.resolve(130);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env });
    current = child;
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", () => resolve(1));
  });
}

async function readJson<T>(file: string): Promise<T | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await fs.readFile(file, "utf8")) as T;
}

// Vitest can exit 0 after an error outside the tests; its report's `success` says so.
async function vitestCounts(file: string, exitCode: number): Promise<Counts> {
  const report = await readJson<{ numPassedTests: number; numFailedTests: number; success: boolean }>(file);
  return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0, clean: exitCode === 0 && report?.success === true };
}

async function playwrightCounts(file: string, exitCode: number): Promise<Counts> {
  const report = await readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  return { passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0), failed: report?.stats.unexpected ?? 0, clean: exitCode === 0 && report !== null };
}

function summarise(runners: Record<string, Counts>): number {
  let passed = 0;
  let failed = 0;
  console.log("");
  for (const [runner, counts] of Object.entries(runners)) {
    const outside = !counts.clean && counts.failed === 0 ? 1 : 0;
    console.log(`${runner}: ${counts.passed} passed, ${counts.failed} failed${outside ? ", and it failed outside its tests (see above)" : ""}`);
    passed += counts.passed;
    failed += counts.failed + outside;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
