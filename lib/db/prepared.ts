import "server-only";
import { sql, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client";

const dialect = new PgDialect();

/**
 * The same database or transaction, its raw statements (`execute`) run as named prepared
 * statements. Drizzle runs them unnamed, and postgres.js sends an unnamed statement with
 * parameters in two round trips (the first only to learn the parameters' types), and sends
 * nothing else on that connection meanwhile; a prepared one is a single round trip after its
 * first run, and statements issued together are pipelined. For paths whose statements have a
 * fixed text and run thousands of times a second: each distinct text stays prepared on every
 * connection that ran it.
 * Poolers in session mode only, as for the rest of the console (docs/scaling.md).
 */
export function preparing(db: Db): Db {
  const execute = (query: SQLWrapper | string) => {
    const built = dialect.sqlToQuery(typeof query === "string" ? sql.raw(query) : query.getSQL());
    return db._.session.prepareQuery(built, undefined, "", false).execute();
  };
  return Object.assign(Object.create(db) as Db, { execute: execute as Db["execute"] });
}
