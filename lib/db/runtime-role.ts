import "server-only";
import type postgres from "postgres";

/** The login role the embedded setup creates for the console to run as; with DATABASE_URL the operator names their own. */
export const EMBEDDED_RUNTIME_ROLE = "breakwater_app";

/**
 * Rows of these tables are history: the runtime role may add and read them, never change or
 * remove them. Not owning them, it cannot disable their triggers or drop them either.
 */
export const APPEND_ONLY_TABLES = ["audit_events", "audit_checkpoints"] as const;

/** Run as the owner so the runtime role, which owns no table, can roll metric partitions. */
const RUNTIME_FUNCTIONS = ["breakwater_create_metric_partitions(date)", "breakwater_drop_metric_partitions(date)"] as const;

/** The role name a PostgreSQL URL logs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same server and database, logged in as another role. */
export function withLogin(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(role);
  next.password = encodeURIComponent(password);
  return next.toString();
}

/**
 * Creates the runtime login role, or sets its password again, as a role with CREATEROLE (the
 * embedded superuser). It gets no attribute beyond LOGIN: not superuser, no CREATEDB, no
 * CREATEROLE, no BYPASSRLS; what it may do on the tables is what `grantRuntimePrivileges` gives.
 */
export async function ensureLoginRole(owner: postgres.Sql, role: string, password: string): Promise<void> {
  const [existing] = await owner`select 1 from pg_roles where rolname = ${role}`;
  const verb = existing ? "alter" : "create";
  await owner.unsafe(`${verb} role ${quoteIdent(role)} with login nosuperuser nocreatedb nocreaterole nobypassrls password ${literal(password)}`);
}

/**
 * What the runtime role may do, granted by the owner after every migration so a new table is
 * covered at the next start: read and write every table, except the append-only ones it may only
 * insert into and read; use the sequences; call the partition functions. Nothing else: no
 * TRUNCATE, TRIGGER or REFERENCES, no DDL. Runs in the caller's transaction, so a console already
 * running as the role never sees the privileges half applied.
 */
export async function grantRuntimePrivileges(tx: postgres.Sql | postgres.TransactionSql, role: string): Promise<void> {
  const grantee = quoteIdent(role);
  const appendOnly = APPEND_ONLY_TABLES.map(quoteIdent).join(", ");
  await tx.unsafe(`grant usage on schema public to ${grantee}`);
  await tx.unsafe(`revoke all on all tables in schema public from ${grantee}`);
  await tx.unsafe(`grant select, insert, update, delete on all tables in schema public to ${grantee}`);
  await tx.unsafe(`revoke update, delete on ${appendOnly} from ${grantee}`);
  await tx.unsafe(`grant usage, select on all sequences in schema public to ${grantee}`);
  await tx.unsafe(`grant execute on function ${RUNTIME_FUNCTIONS.join(", ")} to ${grantee}`);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
