import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { preparing } from "@/lib/db/prepared";
import { fileDatabase } from "../support/file-database";

/** `preparing` on a real database: what it runs is a named prepared statement of the connection, and answers as `execute` does. */
const database = fileDatabase(1);

describe("preparing", () => {
  it("runs a statement with parameters as one prepared statement of the connection, reused, with execute's rows", async () => {
    const marker = "prepared-statements-test";
    const statement = sql`select ${marker}::text as marker, ${41}::int + 1 as n`;
    const prepared = await database.db.transaction(async (tx) => {
      const writer = preparing(tx);
      const first = await writer.execute<{ marker: string; n: number }>(statement);
      const second = await writer.execute<{ marker: string; n: number }>(sql`select ${marker}::text as marker, ${1}::int + 1 as n`);
      const statements = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%::text as marker%`} and statement not like '%pg_prepared_statements%'`,
      );
      return { first: [...first], second: [...second], statements: statements[0]!.n };
    });
    expect(prepared.first).toEqual([{ marker, n: 42 }]);
    expect(prepared.second).toEqual([{ marker, n: 2 }]);
    expect(prepared.statements).toBe(1);
    expect([...(await database.db.execute<{ marker: string; n: number }>(statement))]).toEqual([{ marker, n: 42 }]);
  });
});
