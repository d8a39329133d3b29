import { Gauge } from "prom-client";
import { database } from "@/lib/db/client";
import { within } from "./deadline";
import { metric } from "./registry";

const SCRAPE_TIMEOUT_MS = 1_000;
const states = ["active", "idle", "idle_in_transaction", "other"] as const;

// postgres.js keeps its pool to itself, so the configured size comes from its options and the
// connections in use from PostgreSQL's own view of them.
metric(
  "breakwater_db_pool_max_connections",
  (c) =>
    new Gauge({
      ...c,
      help: "Connections this process's pool may open.",
      collect() {
        this.set(database().sql.options.max);
      },
    }),
);

metric(
  "breakwater_db_connections",
  (c) =>
    new Gauge({
      ...c,
      help: "Connections of every console process to its database by state, from pg_stat_activity; active ones are running a query.",
      labelNames: ["state"],
      async collect() {
        this.reset();
        const counts = await connectionsByState().catch(() => null);
        if (!counts) return;
        for (const state of states) this.set({ state }, counts[state]);
      },
    }),
);

async function connectionsByState(): Promise<Record<(typeof states)[number], number>> {
  const { sql } = database();
  const query = sql<{ state: string; n: number }[]>`
    select coalesce(state, 'other') as state, count(*)::int as n from pg_stat_activity
    where datname = current_database() and application_name = ${sql.options.connection.application_name ?? "breakwater"} and pid <> pg_backend_pid()
    group by 1`;
  const rows = await within(query, SCRAPE_TIMEOUT_MS);
  const counts = { active: 0, idle: 0, idle_in_transaction: 0, other: 0 };
  for (const { state, n } of rows) {
    const key = state.replace(/ /g, "_");
    counts[key in counts ? (key as keyof typeof counts) : "other"] += n;
  }
  return counts;
}
