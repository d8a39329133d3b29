import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { startEmbedded } from "./embedded";
import { localSecrets } from "./local-secrets";

/** Where a running `npm start` records its embedded server, so the CLI can reach it. */
export function runtimeFile(): string {
  return path.join(env().DATA_DIR, "runtime.json");
}

export async function recordRuntime(url: string): Promise<void> {
  await fs.writeFile(runtimeFile(), JSON.stringify({ databaseUrl: url, pid: process.pid }), { mode: 0o600 });
}

export async function forgetRuntime(): Promise<void> {
  await fs.rm(runtimeFile(), { force: true });
}

/**
 * The database a command-line tool should use: DATABASE_URL, else the embedded server of a running
 * `npm start`, else the embedded server started just for this command.
 */
export async function localDatabase(): Promise<{ url: string; release(): Promise<void> }> {
  const configured = env().DATABASE_URL;
  if (configured) return { url: configured, release: async () => {} };
  if (existsSync(runtimeFile())) {
    const { databaseUrl, pid } = JSON.parse(await fs.readFile(runtimeFile(), "utf8")) as { databaseUrl: string; pid: number };
    if (isAlive(pid)) return { url: databaseUrl, release: async () => {} };
  }
  const secrets = await localSecrets(env().DATA_DIR);
  const server = await startEmbedded(path.join(env().DATA_DIR, "postgres"), secrets.postgresPassword);
  return { url: server.url, release: () => server.stop() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
