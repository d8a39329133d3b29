import "server-only";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { env } from "@/lib/env";
import { startEmbedded, type EmbeddedServer } from "./embedded";
import { localSecrets, type LocalSecrets } from "./local-secrets";
import { migrate } from "./migrate";
import { EMBEDDED_RUNTIME_ROLE, ensureLoginRole, roleOf, withLogin } from "./runtime-role";

/** The console's database as two logins: the runtime role it serves with, and the owner that migrates. */
export interface ConsoleDatabase {
  url: string;
  migrationUrl: string;
}

/** Where a running `npm start` records its embedded server, so the CLI can reach it. */
export function runtimeFile(): string {
  return path.join(env().DATA_DIR, "runtime.json");
}

export async function recordRuntime(database: ConsoleDatabase): Promise<void> {
  await fs.writeFile(runtimeFile(), JSON.stringify({ ...database, pid: process.pid }), { mode: 0o600 });
}

export async function forgetRuntime(): Promise<void> {
  await fs.rm(runtimeFile(), { force: true });
}

/** DATABASE_URL as the runtime role, migrated as DATABASE_MIGRATION_URL (or as itself when that is unset). */
export function configuredDatabase(): ConsoleDatabase | null {
  const { DATABASE_URL: url, DATABASE_MIGRATION_URL: migrationUrl } = env();
  return url ? { url, migrationUrl: migrationUrl ?? url } : null;
}

/**
 * Starts the embedded PostgreSQL of DATA_DIR: its superuser owns the tables and migrates, and the
 * console connects as a runtime role of its own, created here on first start.
 */
export async function startLocalEmbedded(secrets: LocalSecrets): Promise<ConsoleDatabase & { server: EmbeddedServer }> {
  const server = await startEmbedded(path.join(env().DATA_DIR, "postgres"), secrets.postgresPassword);
  const owner = postgres(server.url, { max: 1, onnotice: () => {} });
  try {
    await ensureLoginRole(owner, EMBEDDED_RUNTIME_ROLE, secrets.runtimePassword);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    await owner.end({ timeout: 5 });
  }
  return { server, url: withLogin(server.url, EMBEDDED_RUNTIME_ROLE, secrets.runtimePassword), migrationUrl: server.url };
}

/** Migrates as the owner and grants the runtime role what it may do. */
export function migrateConsoleDatabase(database: ConsoleDatabase): Promise<void> {
  return migrate(database.migrationUrl, roleOf(database.url));
}

/**
 * The database a command-line tool should use: DATABASE_URL, else the embedded server of a running
 * `npm start`, else the embedded server started just for this command.
 */
export async function localDatabase(): Promise<ConsoleDatabase & { release(): Promise<void> }> {
  const configured = configuredDatabase();
  if (configured) return { ...configured, release: async () => {} };
  if (existsSync(runtimeFile())) {
    const { pid, ...recorded } = JSON.parse(await fs.readFile(runtimeFile(), "utf8")) as ConsoleDatabase & { pid: number };
    if (isAlive(pid)) return { ...recorded, release: async () => {} };
  }
  const embedded = await startLocalEmbedded(await localSecrets(env().DATA_DIR));
  return { url: embedded.url, migrationUrl: embedded.migrationUrl, release: () => embedded.server.stop() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
