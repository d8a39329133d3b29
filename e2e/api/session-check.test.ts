import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkSession, connectionKind } from "@/lib/db/session-check";
import { createTestDatabase } from "../support/test-database";

/**
 * The start-up check of DATABASE_URL against a real PostgreSQL, which is a session connection. No
 * pooler is installed here; the other verdict is shown by a LISTEN on a second database of the
 * same server, where a NOTIFY sent to the first never arrives, as it never arrives through a
 * transaction-mode pooler.
 */

let databases: Awaited<ReturnType<typeof createTestDatabase>>[];
let pool: postgres.Sql;
let elsewhere: postgres.Sql;

beforeAll(async () => {
  databases = await Promise.all([createTestDatabase(inject("testDatabaseServer")), createTestDatabase(inject("testDatabaseServer"))]);
  pool = postgres(databases[0]!.url, { max: 4, onnotice: () => {} });
  elsewhere = postgres(databases[1]!.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await Promise.all([pool?.end(), elsewhere?.end()]);
  await Promise.all((databases ?? []).map((d) => d.drop()));
});

describe("the session check at start", () => {
  it("finds a direct PostgreSQL connection to be a session connection", async () => {
    const evidence = await checkSession(pool);
    expect(evidence).toEqual({ notified: true, sameBackend: true });
    expect(connectionKind(evidence)).toBe("session");
  });

  it("calls it a transaction pooler when the notification does not reach the LISTEN connection within the bound", async () => {
    const evidence = await checkSession(pool, elsewhere, 1_500);
    expect(evidence).toEqual({ notified: false, sameBackend: true });
    expect(connectionKind(evidence)).toBe("transaction pooler");
  });
});
