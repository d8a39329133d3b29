import { buildIfStale } from "@/scripts/build-if-stale";
import { TEST_DIST_DIR } from "./server";
import { prepareTemplate, testDatabaseServer, type TestDatabaseServer } from "./test-database";

/**
 * What every runner needs before its first test: a PostgreSQL server, a freshly migrated
 * template on it and an up-to-date test build. `npm test` starts the server once and passes it in
 * `TEST_DATABASE_URL`; a runner started on its own starts one itself.
 */
export async function prepareTestRun(): Promise<TestDatabaseServer> {
  const server = await testDatabaseServer();
  try {
    await prepareTemplate(server.url);
    await buildIfStale(TEST_DIST_DIR);
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
