import { randomBytes } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  authSecret: string;
  postgresPassword: string;
}

/** Secrets generated on first start of the embedded setup and kept beside its data, readable by root only. */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(await fs.readFile(file, "utf8")) as LocalSecrets;
  const secrets = { authSecret: randomBytes(32).toString("base64url"), postgresPassword: randomBytes(18).toString("base64url") };
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
