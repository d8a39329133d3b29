import net from "node:net";
import { drizzle, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import type { PgDatabase } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import { databaseUrl, env } from "@/lib/env";

/** A database or a transaction: query functions take one of these first. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function connect(url: string, max = env().DATABASE_POOL_SIZE): Database {
  const options: postgres.Options<{}> & { socket: typeof openSocket } = {
    max,
    socket: openSocket,
    onnotice: () => {},
    connection: { application_name: "breakwater" },
  };
  const sql = postgres(url, options);
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * postgres.js leaves Nagle's algorithm on. A message it writes in two parts (a COPY's data, then
 * its end) then waits for the server's delayed ACK, 40–90 ms each time: every report carrying
 * metrics paid it. libpq turns Nagle off; so does this. The URL is always one TCP host: lib/env.ts
 * accepts nothing else. The option is in postgres.js's README ("Custom socket") but not in its types.
 */
function openSocket({ host: [host], port: [port] }: { host: [string, ...string[]]; port: [number, ...number[]] }): net.Socket {
  return net.connect({ host, port, noDelay: true });
}

// Next.js may load this module in several bundles of one process; one pool per process all the same.
const slot = globalThis as typeof globalThis & { __breakwaterDb?: Database };

export function database(): Database {
  slot.__breakwaterDb ??= connect(databaseUrl());
  return slot.__breakwaterDb;
}

export function db(): Db {
  return database().db;
}
