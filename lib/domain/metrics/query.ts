import { sql } from "drizzle-orm";
import { metricSeries } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { metricPoints } from "./points-table";
import { stepSeconds, type MetricsQuery } from "./query-input";

export interface SeriesPoints {
  tags: Record<string, string>;
  /** [time, value], oldest first; an interval without points has none. */
  points: [string, number][];
}

export interface QueryResult {
  service: string;
  name: string;
  from: string;
  to: string;
  stepSeconds: number;
  series: SeriesPoints[];
}

const combine = { avg: sql`avg(v)`, sum: sql`sum(v)`, max: sql`max(v)`, min: sql`min(v)` } as const;

/**
 * The series of one metric downsampled on the server, as Grafana's max data points does: the range
 * is cut into at most `maxPoints` intervals of whole seconds (date_bin from `from`), each holding
 * the mean of its points (the last-seen maximum for counters, which only grow). With `groupBy`,
 * series sharing those tags merge into one by `agg` per interval.
 */
export async function queryMetrics(db: Db, q: MetricsQuery): Promise<QueryResult> {
  const step = stepSeconds(q.from, q.to, q.maxPoints);
  const key = q.groupBy
    ? sql`coalesce((select jsonb_object_agg(k, s.tags -> k) from jsonb_array_elements_text(${JSON.stringify(q.groupBy)}::jsonb) k where s.tags ? k), '{}'::jsonb)`
    : sql`s.tags`;
  const rows = await db.execute<{ tags: Record<string, string>; points: [string, number][] }>(sql`
    with s as (
      select id, kind, ${key} as tags from ${metricSeries} s
      where s.service = ${q.service} and s.name = ${q.name} and s.tags @> ${JSON.stringify(q.tags)}::jsonb
    ), binned as (
      select p.series_id, date_bin(make_interval(secs => ${step}), p.ts, ${q.from.toISOString()}::timestamptz) as t,
        case when min(s.kind) = 'counter' then max(p.value) else avg(p.value) end as v
      from ${metricPoints} p join s on s.id = p.series_id
      where p.ts >= ${q.from.toISOString()}::timestamptz and p.ts < ${q.to.toISOString()}::timestamptz
      group by p.series_id, t
    ), merged as (
      select s.tags, b.t, ${q.groupBy ? combine[q.agg] : sql`min(v)`} as v
      from binned b join s on s.id = b.series_id
      group by s.tags, b.t
    )
    select tags, json_agg(json_build_array(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), v) order by t) as points
    from merged group by tags order by tags::text`);
  return {
    service: q.service,
    name: q.name,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    stepSeconds: step,
    series: rows.map((r) => ({ tags: r.tags, points: r.points })),
  };
}
