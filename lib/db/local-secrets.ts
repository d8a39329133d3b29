import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  authSecret: string;
  /** The embedded server's superuser, which owns the tables and runs the migrations. */
  postgresPassword: string;
  /** The runtime role the console connects as (lib/db/runtime-role.ts). */
  runtimePassword: string;
}

const generated = () => randomBytes(18).toString("base64url");

/**
 * Secrets generated on first start of the embedded setup and kept beside its data, readable by
 * their owner only. One that an older file lacks is generated and added to it.
 */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored = existsSync(file) ? (JSON.parse(await fs.readFile(file, "utf8")) as Partial<LocalSecrets>) : {};
  const secrets: LocalSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    postgresPassword: stored.postgresPassword ?? generated(),
    runtimePassword: stored.runtimePassword ?? generated(),
  };
  if (stored.authSecret && stored.postgresPassword && stored.runtimePassword) return secrets;
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
