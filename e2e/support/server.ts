import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { freePort } from "@/lib/db/embedded";

const require = createRequire(import.meta.url);

/** The folder the test run builds into, apart from a developer's `.next`. */
export const TEST_DIST_DIR = ".next-test";

const STARTUP_LIMIT_MS = 90_000;

export interface Server {
  url: string;
  pid: number;
  /** SIGTERM, as an orchestrator stops a process: resolves with the exit code (143 after a graceful stop), or null when it had to be killed. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash: nothing of the process runs after it. */
  kill(): Promise<void>;
}

/**
 * A real `next start` of the test build against `databaseUrl`, on a free port (or `extraEnv.PORT`,
 * to restart a console where its predecessor listened), ready when `/api/health` answers;
 * `extraEnv` overrides its settings.
 */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      // Vitest runs with NODE_ENV=test, which a production server must not inherit.
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: url,
      NEXT_DIST_DIR: TEST_DIST_DIR,
      BREAKWATER_DEMO: "0",
      PORT: String(port),
      // The tests' receivers listen on 127.0.0.1, a private address a channel may use only when allowed.
      OUTBOUND_ALLOW_PRIVATE: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const startup: string[] = [];
  const keep = (chunk: Buffer) => startup.push(chunk.toString());
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await terminate(child);
    throw new Error(`${(error as Error).message}\n--- server output ---\n${startup.join("")}`);
  }
  child.stdout!.off("data", keep).resume();
  // Server errors are the first thing to read when a test fails, so they reach the test output.
  child.stderr!.off("data", keep).on("data", (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
  return {
    url,
    pid: child.pid!,
    stop: () => terminate(child),
    kill: () => (child.kill("SIGKILL"), exited),
  };
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const status = await fetch(`${url}/api/health`).then((r) => r.status, () => null);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer ${url}/api/health within ${STARTUP_LIMIT_MS / 1000} s`);
}

// Longer than the console's own stop limit (20 s), so a slow graceful stop is seen as such, not cut.
const KILL_AFTER_MS = 25_000;

function terminate(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}
