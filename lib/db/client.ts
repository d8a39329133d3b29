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

export function connect(url: string, max = env().DATABASE_POOL_SIZE): Database {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: "breakwater" } });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

/** This process's one pool. */
export function database(): Database {
  return processSingleton("db", () => connect(databaseUrl()));
}

export function db(): Db {
  return database().db;
}
