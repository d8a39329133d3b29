import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "@/lib/db/embedded";
import { Caller, type Credentials } from "./http";

const STARTUP_LIMIT_MS = 60_000;

export interface TestLane {
  url: string;
  caller(credentials: Credentials): Caller;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash: nothing of the process runs after it. */
  kill(): Promise<void>;
}

/**
 * The real lane process (`scripts/lane.ts`) against `databaseUrl`, on a free port, ready when its `/api/health` answers.
 * The event-loop bound is lifted unless a test sets it: on the shared test machine the loop of a
 * fresh process lags for reasons of its neighbours, and a test of one bound must not trip on another.
 */
export async function startLane(databaseUrl: string, env: Record<string, string> = {}): Promise<TestLane> {
  // A lane restarted on its predecessor's SERVICE_PORT is the same console to its clients.
  const port = env.SERVICE_PORT ? Number(env.SERVICE_PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/lane.ts", "--host", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SERVICE_PORT: String(port), BREAKWATER_DEMO: "0", LANE_MAX_LOOP_DELAY_MS: "60000", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the lane exited with code ${child.exitCode}`);
    if ((await fetch(`${url}/api/health`).then((r) => r.status, () => null)) === 200) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the lane did not answer ${url}/api/health in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
  return { url, caller: (credentials) => new Caller(url, credentials), stop: () => terminate(child), kill: () => (child.kill("SIGKILL"), exited) };
}

function terminate(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}
