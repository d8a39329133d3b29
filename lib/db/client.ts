import "server-only";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import type { PgDatabase } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import { databaseUrl, env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

/** A database or a transaction: query functions take one of these first. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Seconds before a lost connection is tried again. postgres.js's own backoff grows with every failure
 * the pool has seen, to 10–20 s after a few seconds of outage, so the first requests after the
 * database is back would wait that long; with a fleet sending, a short ceiling costs nothing.
 */
export function reconnectDelay(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2);
}

export function connect(url: string, max = env().DATABASE_POOL_SIZE): Database {
  const sql = postgres(url, {
    max,
    backoff: reconnectDelay,
    // A server that does not answer at all is away: say so within seconds, not postgres.js's 30.
    connect_timeout: 5,
    onnotice: () => {},
    connection: { application_name: "breakwater" },
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

/** This process's one pool. */
export function database(): Database {
  return processSingleton("db", () => connect(databaseUrl()));
}

export function db(): Db {
  return database().db;
}
