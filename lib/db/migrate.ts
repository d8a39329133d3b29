import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as drizzleMigrate } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export const migrationsFolder = path.join(process.cwd(), "drizzle", "migrations");

/** Applies the committed migrations; an advisory lock lets several processes start at once. */
export async function migrate(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(hashtext('breakwater.migrate'))`);
    await drizzleMigrate(db, { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
