import type postgres from "postgres";
import { EMBEDDED_RUNTIME_ROLE } from "@/lib/db/runtime-role";
import { setTimeout as sleep } from "node:timers/promises";

// Each loop comes round every 2 s; a loaded machine may stretch that a lot.
const QUEUE_LIMIT_MS = 60_000;

/**
 * Lines the job loops of several processes up at one table: holds it ACCESS EXCLUSIVE, runs
 * `makeDue` inside that transaction (so what becomes due is first seen by the queued readers),
 * waits until `waiters` other sessions are queued on it, then commits, so they all go at once.
 */
export async function releaseTogether(sql: postgres.Sql, table: string, waiters: number, makeDue: (tx: postgres.TransactionSql) => Promise<unknown>): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe(`lock table ${table} in access exclusive mode`);
    await makeDue(tx);
    const deadline = Date.now() + QUEUE_LIMIT_MS;
    for (let queued = 0; queued < waiters; queued = await queuedOn(sql, table)) {
      if (Date.now() > deadline) throw new Error(`only ${queued} of ${waiters} sessions queued on ${table} within ${QUEUE_LIMIT_MS / 1000} s`);
      await sleep(100);
    }
  });
}

async function queuedOn(sql: postgres.Sql, table: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(distinct pid)::int as n from pg_locks where relation = ${table}::regclass and not granted`;
  return row!.n;
}

/**
 * Records every write the console's role makes to `column` of `table` (with the row's `id`, when it
 * has one) in `job_writes`, through a trigger of the test's own: how many times a job acted, which
 * would double if two processes did. The test's own writes, as the superuser, are not counted.
 */
export async function recordWrites(sql: postgres.Sql, table: string, column: string): Promise<void> {
  await sql.unsafe(`
    create table if not exists job_writes (tbl text not null, row_id text, at timestamptz not null default clock_timestamp());
    create or replace function record_job_write() returns trigger language plpgsql security definer as $$
    begin
      if session_user = '${EMBEDDED_RUNTIME_ROLE}' then
        insert into job_writes (tbl, row_id) values (tg_table_name, to_jsonb(new)->>'id');
      end if;
      return new;
    end $$;
    create trigger ${table}_job_writes after update of ${column} on ${table} for each row execute function record_job_write();`);
}

/** The writes `recordWrites` saw, oldest first, each with its time in ms. */
export async function writesTo(sql: postgres.Sql, table: string): Promise<{ rowId: string | null; at: number }[]> {
  return sql<{ rowId: string | null; at: number }[]>`
    select row_id as "rowId", (extract(epoch from at) * 1000)::float8 as at from job_writes where tbl = ${table} order by at`;
}
