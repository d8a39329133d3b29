import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as drizzleMigrate } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { grantRuntimePrivileges } from "./runtime-role";

export const migrationsFolder = path.join(process.cwd(), "drizzle", "migrations");

/**
 * Applies the committed migrations as the owner of the tables (`url`), then grants the runtime
 * role what it may do; an advisory lock lets several processes start at once. Without a runtime
 * role, or when it is the owner itself, nothing is granted: the console then runs as the owner.
 */
export async function migrate(url: string, runtimeRole?: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(hashtext('breakwater.migrate'))`);
    await drizzleMigrate(db, { migrationsFolder });
    const [me] = await client<{ role: string }[]>`select current_user as role`;
    if (runtimeRole && runtimeRole !== me?.role) await client.begin((tx) => grantRuntimePrivileges(tx, runtimeRole));
  } finally {
    await client.end({ timeout: 5 });
  }
}
