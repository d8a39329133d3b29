import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { EMBEDDED_RUNTIME_ROLE, ensureLoginRole, withLogin } from "@/lib/db/runtime-role";
import { env } from "@/lib/env";

/** Migrated once per run; every test file and the browser run get a copy of it. */
export const TEMPLATE_DATABASE = "breakwater_template";

export interface TestDatabaseServer {
  /** A superuser URL on the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** `TEST_DATABASE_URL` when set, otherwise an embedded PostgreSQL in a fresh temp folder, removed on stop. */
export async function testDatabaseServer(): Promise<TestDatabaseServer> {
  const external = env().TEST_DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "breakwater-test-"));
  const server = await startEmbedded(path.join(dir, "postgres"), randomBytes(18).toString("base64url"));
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Drops and recreates the template from the committed migrations, so every run starts from them. */
export async function prepareTemplate(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await sql.unsafe(`create database ${TEMPLATE_DATABASE}`);
  });
  await migrateWithRuntimeRole(databaseUrlFor(serverUrl, TEMPLATE_DATABASE));
}

/**
 * Migrates a database as the superuser `url` logs in as, with the runtime role the console
 * connects as (`runtimeUrlFor`) created and granted, as `npm start` does with its embedded server.
 */
export async function migrateWithRuntimeRole(url: string): Promise<void> {
  await admin(url, (sql) => ensureLoginRole(sql, EMBEDDED_RUNTIME_ROLE, runtimePassword(url)));
  await migrate(url, EMBEDDED_RUNTIME_ROLE);
}

/** The same database as the console's runtime role, which may only insert and read audit rows. */
export function runtimeUrlFor(url: string): string {
  return withLogin(url, EMBEDDED_RUNTIME_ROLE, runtimePassword(url));
}

// The test server's own password serves the runtime role too: one secret per throw-away server.
function runtimePassword(url: string): string {
  return decodeURIComponent(new URL(url).password) || "breakwater-test-runtime";
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file or one browser run, copied from the template. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `breakwater_test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, (sql) => sql.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`));
  return {
    url: databaseUrlFor(serverUrl, name),
    drop: () => admin(serverUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
