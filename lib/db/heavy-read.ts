import "server-only";
import { sql } from "drizzle-orm";
import { Overloaded } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import type { Db } from "./client";

const RETRY_AFTER_SECONDS = 5;

/**
 * Runs a person's heavy read (a metrics query, a preview, a chain verification) in a read-only
 * transaction whose statements PostgreSQL cancels after `HEAVY_READ_TIMEOUT_MS`, so no request can
 * pin the database or hang: a cancelled read answers 503 with Retry-After.
 */
export async function heavyRead<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  const timeoutMs = env().HEAVY_READ_TIMEOUT_MS;
  try {
    return await db.transaction(
      async (tx) => {
        await tx.execute(sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`);
        return read(tx);
      },
      { accessMode: "read only" },
    );
  } catch (error) {
    if (cancelledByTimeout(error)) throw new Overloaded(RETRY_AFTER_SECONDS, `This read ran past ${timeoutMs} ms and was stopped; narrow it.`);
    throw error;
  }
}

// PostgreSQL's query_canceled, which a statement_timeout raises; drizzle wraps the driver's error as its cause.
function cancelledByTimeout(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if ((e as { code?: unknown }).code === "57014") return true;
  return false;
}
