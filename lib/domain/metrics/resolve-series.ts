import { sql } from "drizzle-orm";
import { metricSeries, type metricKinds } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SeriesLimitReached } from "./series-limit";
import { seriesKey, type Tags } from "./series-key";

export type MetricKind = (typeof metricKinds)[number];

export interface SeriesRef {
  service: string;
  name: string;
  kind: MetricKind;
  tags: Tags;
}

interface Identity extends SeriesRef {
  key: string;
  identity: string;
}

// Series are never renamed or deleted, so an id once read stays right. Bounded so that a label
// explosion across many services cannot grow it without end.
const cache = new Map<string, number>();
const MAX_CACHED = 200_000;

/**
 * The series id of each reference, creating the series that do not exist yet. A service that
 * would pass its cap either refuses the whole batch (`refuse`, for pushed points: a 429 and
 * nothing written) or keeps the series it has room for (`skip`, for the metrics carried by
 * reports, which must not lose the report). Returns null where a series was skipped.
 */
export async function resolveSeries(tx: Db, refs: SeriesRef[], overCap: "refuse" | "skip"): Promise<(number | null)[]> {
  const ids: (number | null)[] = new Array(refs.length).fill(null);
  const missing = new Map<string, Identity>();
  const identities = refs.map((ref, i) => {
    const key = seriesKey(ref.tags);
    const identity = `${ref.service}\u0000${ref.name}\u0000${key}`;
    const id = cache.get(identity);
    if (id === undefined) missing.set(identity, { ...ref, key, identity });
    else ids[i] = id;
    return identity;
  });
  if (missing.size === 0) return ids;

  const found = await lookup(tx, [...missing.values()]);
  const absent = [...missing.values()].filter((m) => !found.has(m.identity));
  if (absent.length > 0) await create(tx, absent, overCap, found);
  return identities.map((identity, i) => ids[i] ?? found.get(identity) ?? null);
}

async function lookup(tx: Db, wanted: Identity[]): Promise<Map<string, number>> {
  const rows = await tx.execute<{ id: number; service: string; name: string; key: string }>(sql`
    select s.id, s.service, s.name, s.key from ${metricSeries} s
    join jsonb_to_recordset(${JSON.stringify(wanted.map(({ service, name, key }) => ({ service, name, key })))}::jsonb)
      as w(service text, name text, key text) using (service, name, key)`);
  const found = new Map<string, number>();
  for (const r of rows) {
    const identity = `${r.service}\u0000${r.name}\u0000${r.key}`;
    found.set(identity, r.id);
    // Only committed rows are cached: a series this transaction creates may yet roll back.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(identity, r.id);
  }
  return found;
}

/** Creates series under a per-service advisory lock, so two writers cannot both take the last room under the cap. */
async function create(tx: Db, absent: Identity[], overCap: "refuse" | "skip", found: Map<string, number>): Promise<void> {
  const byService = new Map<string, Identity[]>();
  for (const a of absent) {
    const list = byService.get(a.service) ?? [];
    list.push(a);
    byService.set(a.service, list);
  }
  const limit = env().METRICS_SERIES_PER_SERVICE;
  const admitted: Identity[] = [];
  for (const service of [...byService.keys()].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`breakwater.metric_series:${service}`}))`);
    const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${metricSeries} where service = ${service}`);
    const room = limit - row!.n;
    const wanted = byService.get(service)!;
    if (wanted.length > room && overCap === "refuse") throw new SeriesLimitReached(service, limit, row!.n + wanted.length);
    admitted.push(...wanted.slice(0, Math.max(0, room)));
  }
  if (admitted.length === 0) return;
  const rows = await tx.execute<{ id: number; service: string; name: string; key: string }>(sql`
    insert into ${metricSeries} (service, name, kind, tags, key)
    select service, name, kind, tags, key
    from jsonb_to_recordset(${JSON.stringify(admitted.map(({ service, name, kind, tags, key }) => ({ service, name, kind, tags, key })))}::jsonb)
      as x(service text, name text, kind text, tags jsonb, key text)
    on conflict (service, name, key) do update set kind = metric_series.kind
    returning id, service, name, key`);
  for (const r of rows) found.set(`${r.service}\u0000${r.name}\u0000${r.key}`, r.id);
}
