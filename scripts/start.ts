/**
 * `npm start`: the whole console from a fresh clone. Starts the embedded PostgreSQL unless
 * DATABASE_URL is set, migrates, creates the first admin, builds when the sources changed, serves,
 * and runs the simulated fleet when BREAKWATER_DEMO asks for it. Ctrl-C stops everything cleanly.
 */
import { createRequire } from "node:module";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { connect } from "@/lib/db/client";
import type { EmbeddedServer } from "@/lib/db/embedded";
import { configuredDatabase, forgetRuntime, migrateConsoleDatabase, recordRuntime, startLocalEmbedded, type ConsoleDatabase } from "@/lib/db/local-database";
import { localSecrets } from "@/lib/db/local-secrets";
import { ensureFirstAdmin } from "@/lib/domain/access/first-admin";
import { env, EnvError, servicePort } from "@/lib/env";
import { buildIfStale } from "./build-if-stale";

const require = createRequire(import.meta.url);

const dev = process.argv.includes("--dev");

async function main() {
  const config = env();
  let embedded: EmbeddedServer | null = null;
  let database: ConsoleDatabase | null = configuredDatabase();
  let secret = config.AUTH_SECRET;
  if (!database) {
    const secrets = await localSecrets(config.DATA_DIR);
    secret ??= secrets.authSecret;
    console.log(`Starting the embedded PostgreSQL in ${path.join(config.DATA_DIR, "postgres")}…`);
    const local = await startLocalEmbedded(secrets);
    embedded = local.server;
    database = { url: local.url, migrationUrl: local.migrationUrl };
    await recordRuntime(database);
  } else if (!secret) {
    throw new EnvError("AUTH_SECRET is required with DATABASE_URL: set it to a random string of at least 32 characters, the same on every process.");
  } else if (!config.DATABASE_MIGRATION_URL) {
    console.warn("DATABASE_MIGRATION_URL is not set, so the console runs as the owner of its tables and could rewrite its own audit log; see docs/security.md.");
  }
  const url = database.url;
  const demo = config.BREAKWATER_DEMO ?? embedded !== null;

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (embedded) await forgetRuntime();
    await Promise.all(children.map((c) => terminate(c)));
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await migrateConsoleDatabase(database);
    const { db, close } = connect(url, 2);
    const admin = await ensureFirstAdmin(db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
    await close();
    if (admin?.generatedPassword) {
      console.log(`\n  First admin: ${admin.email}\n  Password:    ${admin.generatedPassword}\n  (shown once; change it by creating another admin and disabling this one)\n`);
    } else if (admin) {
      console.log(`First admin ${admin.email} created from ADMIN_EMAIL and ADMIN_PASSWORD.`);
    }
    if (!dev) await buildIfStale();
  } catch (error) {
    await stop(1);
    throw error;
  }

  const origin = `http://localhost:${config.PORT}`;
  const serverEnv = { DATABASE_URL: url, AUTH_SECRET: secret, NEXTAUTH_URL: origin, PORT: String(config.PORT) };
  // The servers run as the runtime role and never hold the owner's login.
  const inherited = { ...process.env };
  delete inherited.DATABASE_MIGRATION_URL;
  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), dev ? "dev" : "start", "-p", String(config.PORT)], {
    stdio: "inherit",
    env: { ...inherited, ...serverEnv },
  });
  children.push(next);
  next.on("exit", (code) => void stop(code ?? 0));
  const laneOrigin = `http://localhost:${servicePort()}`;
  // The lane is its own process, so the browsers' process and the fleet's each get a core.
  const lane = spawn(process.execPath, ["--import", "tsx", "scripts/lane.ts"], {
    stdio: "inherit",
    env: { ...inherited, ...serverEnv, NODE_ENV: "production", SERVICE_PORT: String(servicePort()) },
  });
  children.push(lane);
  lane.on("exit", (code) => void stop(code ?? 0));
  console.log(`Breakwater is starting on ${origin}; services report to the lane on ${laneOrigin}`);
  if (demo) {
    const fleet = spawn(process.execPath, ["--import", "tsx", "scripts/fleet/index.ts"], { stdio: "inherit", env: { ...inherited, ...serverEnv, BREAKWATER_URL: laneOrigin } });
    children.push(fleet);
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Longer than the console's own stop limit (20 s: its delivery worker may be waiting on a send).
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
