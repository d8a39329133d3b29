import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { connect, type Database } from "@/lib/db/client";
import { freePort, startEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createToken } from "@/lib/domain/access/service-tokens";
import { createUser } from "@/lib/domain/access/users";
import { systemCtx } from "@/lib/domain/context";
import { buildIfStale } from "../build-if-stale";
import { sleep } from "./stats";

const require = createRequire(import.meta.url);

export const DIST_DIR = ".next-bench";
const READY_WITHIN_MS = 90_000;
const STOP_WITHIN_MS = 10_000;

/** A console served by `next start` and its service lane, on their own embedded PostgreSQL, with an admin signed in. */
export interface Stack {
  origin: string;
  databaseUrl: string;
  serverPid: number;
  /** The service lane (`scripts/lane.ts`), where the fleet's requests go, as `npm start` runs it. */
  laneOrigin: string;
  lanePid: number;
  /** The admin's session cookie, as a browser sends it. */
  cookie: string;
  /** What a browser's JSON write carries: the cookie and, since the console refuses cookie writes without it (CSRF), Origin. */
  adminWrite: Record<string, string>;
  /** A service token scoped to every service. */
  serviceToken: string;
  /** A pool of the bench's own, for committing changes directly. */
  database: Database;
}

/** Cleanup steps, run in reverse order of registration, each even when an earlier one fails. */
export class Teardown {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  private running: Promise<void> | null = null;

  /** Runs the steps once; a second call (an interrupt while a failure cleans up) waits for the same run. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        await step.run().catch((error: unknown) => console.error(`cleanup (${step.name}) failed:`, error));
      }
    })();
    return this.running;
  }
}

export async function startStack(teardown: Teardown, log: (line: string) => void): Promise<Stack> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "breakwater-bench-"));
  teardown.add("temp dir", () => rm(dir, { recursive: true, force: true }));

  log(`embedded PostgreSQL in ${dir}`);
  const embedded = await startEmbedded(path.join(dir, "postgres"), randomBytes(18).toString("base64url"));
  teardown.add("PostgreSQL", () => embedded.stop());
  await migrate(embedded.url);

  const database = connect(embedded.url, 4);
  teardown.add("bench pool", () => database.close());
  const email = "bench-admin@breakwater.local";
  const password = randomBytes(18).toString("base64url");
  await createUser(systemCtx(), { email, role: "admin", password }, database.db);
  const { token } = await createToken(systemCtx(), { name: "bench-fleet", service: "*" }, database.db);

  await buildIfStale(DIST_DIR);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  log(`next start on ${origin}`);
  const server = spawn(process.execPath, [...nodeOptions("BENCH_SERVER_NODE_OPTIONS"), require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: embedded.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: origin,
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      BREAKWATER_DEMO: "0",
      // The bench's receivers listen on 127.0.0.1.
      OUTBOUND_ALLOW_PRIVATE: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = recentOutput(server);
  teardown.add("next start", () => stop(server));
  if (!server.pid) throw new Error("next start did not start");

  try {
    await waitReady(origin, server);
  } catch (error) {
    console.error(output().join("\n"));
    throw error;
  }
  const lane = await startLane(embedded.url, teardown, log);
  const cookie = await signIn(origin, email, password);
  return {
    origin,
    databaseUrl: embedded.url,
    serverPid: server.pid,
    laneOrigin: lane.origin,
    lanePid: lane.pid,
    cookie,
    adminWrite: { cookie, origin, "content-type": "application/json" },
    serviceToken: token,
    database,
  };
}

async function startLane(databaseUrl: string, teardown: Teardown, log: (line: string) => void): Promise<{ origin: string; pid: number }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  log(`service lane on ${origin}`);
  const lane = spawn(process.execPath, [...nodeOptions("BENCH_LANE_NODE_OPTIONS"), "--import", "tsx", "scripts/lane.ts", "--host", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SERVICE_PORT: String(port), BREAKWATER_DEMO: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = recentOutput(lane);
  teardown.add("service lane", () => stop(lane));
  if (!lane.pid) throw new Error("the service lane did not start");
  try {
    await waitReady(origin, lane);
  } catch (error) {
    console.error(output().join("\n"));
    throw error;
  }
  return { origin, pid: lane.pid };
}

/** Signs in through next-auth's credentials callback, as the sign-in form does. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response)
    .split("; ")
    .filter((c) => c.startsWith("next-auth.session-token"));
  if (session.length === 0) throw new Error(`signing in failed: HTTP ${response.status}`);
  return session.join("; ");
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function waitReady(origin: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`${origin} exited (${server.exitCode ?? server.signalCode})`);
    const status = await fetch(`${origin}/api/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`the server was not ready within ${READY_WITHIN_MS / 1000} s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_WITHIN_MS);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The server's last lines of output, shown when it fails to come up. */
function recentOutput(child: ChildProcess): () => string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().trimEnd().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 50));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => lines;
}

/** Node flags for one of the stack's processes, such as `--cpu-prof`, which NODE_OPTIONS refuses. */
function nodeOptions(variable: "BENCH_SERVER_NODE_OPTIONS" | "BENCH_LANE_NODE_OPTIONS"): string[] {
  return process.env[variable]?.split(" ").filter(Boolean) ?? [];
}
