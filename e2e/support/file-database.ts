import { afterAll, beforeAll, inject } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * A database of the test file's own, copied from the template, with a pool of `poolSize` on it, for
 * tests that call the domain's verbs directly: usable from the file's `beforeAll` on, dropped after
 * its last test.
 */
export function fileDatabase(poolSize = 4): Database {
  const handle = {} as Database;
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(inject("testDatabaseServer"));
    Object.assign(handle, connect(testDatabase.url, poolSize));
  });
  afterAll(async () => {
    await handle.close?.();
    await testDatabase?.drop();
  });
  return handle;
}
