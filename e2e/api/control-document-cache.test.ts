import { beforeAll, describe, expect, it } from "vitest";
import { services } from "@/drizzle/schema";
import { controlStateAt } from "@/lib/domain/control/cached-document";
import { fileDatabase } from "../support/file-database";

/**
 * The shared control-document cache against a real database whose pool has one connection: the
 * smallest pool a fleet's reports can exhaust. Reports read the document inside their transaction
 * while long-polls read it on the pool.
 */
const SERVICE = "cache-pool";
const database = fileDatabase(1);

beforeAll(async () => {
  await database.db.insert(services).values({ name: SERVICE });
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
