import { connect } from "@/lib/db/client";
import { seedUser } from "./accounts";
import { publishBrowserRun } from "./browser-run";
import { CHROMIUM, ensureDebianPrograms } from "./debian-packages";
import { prepareTestRun } from "./prepare";
import { startServer } from "./server";
import { createTestDatabase, runtimeUrlFor } from "./test-database";

/** One console for the whole browser run: its own database from the template, an admin, a `next start`. */
export default async function globalSetup() {
  ensureDebianPrograms(CHROMIUM);
  const databaseServer = await prepareTestRun();
  const database = await createTestDatabase(databaseServer.url);
  const pool = connect(database.url, 2);
  const admin = await seedUser(pool.db, "admin", "e2e-admin@example.com").finally(() => pool.close());
  // The browser's requests name their test address in X-Forwarded-For, as a proxy in front would.
  const server = await startServer(runtimeUrlFor(database.url), { TRUSTED_PROXIES: "127.0.0.1" });
  publishBrowserRun({ url: server.url, admin });
  return async () => {
    await server.stop();
    await database.drop();
    await databaseServer.stop();
  };
}
