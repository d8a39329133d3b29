import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { services } from "@/drizzle/schema";
import { connect, type Database } from "@/lib/db/client";
import { controlStateAt } from "@/lib/domain/control/cached-document";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The shared control-document cache against a real database whose pool has one connection: the
 * smallest pool a fleet's reports can exhaust. Reports read the document inside their transaction
 * while long-polls read it on the pool.
 */
const SERVICE = "cache-pool";
let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase(inject("testDatabaseServer"));
  database = connect(testDatabase.url, 1);
  await database.db.insert(services).values({ name: SERVICE });
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe("controlStateAt", () => {
  it("lets a transaction holding the pool read the document while a pool read of it is queued", async () => {
    const revision = 0;
    let poolRead: Promise<unknown> = Promise.resolve();
    const inTransaction = await database.db.transaction(async (tx) => {
      // The pool's one connection is this transaction's, so this read waits until it commits.
      poolRead = controlStateAt(database.db, SERVICE, revision);
      return controlStateAt(tx, SERVICE, revision);
    });
    expect(inTransaction.document).toMatchObject({ service: SERVICE, revision });
    expect(await poolRead).toEqual(inTransaction);
  });

  it("serves a state once read to every caller, on any handle", async () => {
    const revision = 0;
    const first = await controlStateAt(database.db, SERVICE, revision);
    const inTransaction = await database.db.transaction((tx) => controlStateAt(tx, SERVICE, revision));
    expect(inTransaction).toBe(first);
  });
});
