import { sql, type SQL } from "drizzle-orm";
import { metricSeries } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { Unprocessable } from "../errors";
import { metricPoints, metricPointsHourly } from "./points-table";
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

const HOUR_SECONDS = 3_600;

/** Series one query may read, merged by `groupBy` or not: past this a viewer's query could pin the database. */
export const MAX_SERIES_PER_QUERY = 500;
/** From intervals this long, charts read the hourly rollups: a week of 100 series is then 17,000 rows, not a million. */
export const HOURLY_FROM_STEP_SECONDS = 900;

/**
 * The series of one metric downsampled on the server, as Grafana's max data points does: the range
 * is cut into at most `maxPoints` intervals of whole seconds (date_bin), each holding the mean of
 * its points (the highest value for counters, which only grow). Intervals of 15 minutes and more
 * are whole hours read from the hourly rollups, plus the raw points of the hours not rolled yet.
 * With `groupBy`, series sharing those tags merge into one by `agg` per interval. Answers the
 * QueryResult as JSON text.
 */
export async function queryMetrics(db: Db, q: MetricsQuery): Promise<string> {
  await refuseTooManySeries(db, q);
  const hourly = stepSeconds(q.from, q.to, q.maxPoints) >= HOURLY_FROM_STEP_SECONDS;
  const origin = hourly ? new Date(Math.floor(q.from.getTime() / 3_600_000) * 3_600_000) : q.from;
  const step = hourly ? HOUR_SECONDS * Math.ceil(stepSeconds(origin, q.to, q.maxPoints) / HOUR_SECONDS) : stepSeconds(q.from, q.to, q.maxPoints);
  const from = sql`${origin.toISOString()}::timestamptz`;
  const to = sql`${q.to.toISOString()}::timestamptz`;
  const key = q.groupBy
    ? sql`coalesce((select jsonb_object_agg(k, s.tags -> k) from jsonb_array_elements_text(${JSON.stringify(q.groupBy)}::jsonb) k where s.tags ? k), '{}'::jsonb)`
    : sql`s.tags`;
  // Each source row is (series, time, count, sum, max) of one point, or of one hour of points. With
  // the series as an array and the rolled-up bound as a value, the planner prunes partitions and
  // walks the (series, time) index instead of scanning whole days.
  const series = sql`any(array(select id from s))`;
  const source = hourly
    ? await hourlySource(db, series, origin, q.to)
    : sql`
      select p.series_id, p.ts, 1 as n, p.value as total, p.value as top from ${metricPoints} p
      where p.series_id = ${series} and p.ts >= ${from} and p.ts < ${to}`;
  // Intervals of one hour over the rollups are the source rows themselves, one per series and hour
  // (rolled_until is always a whole hour): grouping them again took a fifth of a week's query.
  const binned =
    hourly && step === HOUR_SECONDS
      ? sql`
      select src.series_id, src.ts as t, case when s.kind = 'counter' then src.top else src.total / src.n end as v
      from (${source}) src join s on s.id = src.series_id`
      : sql`
      select src.series_id, date_bin(make_interval(secs => ${step}), src.ts, ${from}) as t,
        case when min(s.kind) = 'counter' then max(src.top) else sum(src.total) / sum(src.n) end as v
      from (${source}) src join s on s.id = src.series_id
      group by src.series_id, t`;
  // Without groupBy each series stays apart, grouped by its id: sorting and grouping by jsonb tags
  // costs more than everything else in a query of many series. PostgreSQL writes the answer's JSON
  // text itself, times already in ISO form: turning a week of 100 series into objects and back into
  // JSON cost the server more than the query did, and string_agg is twice as fast as json_agg here.
  const points = sql`'[' || string_agg('["' || to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",' || to_json(v)::text || ']', ',' order by t) || ']'`;
  const perSeries = q.groupBy
    ? sql`
      select key as tags, ${points} as points
      from (select s.tags as key, b.t, ${combine[q.agg]} as v from binned b join s on s.id = b.series_id group by s.tags, b.t) m
      group by key`
    : sql`
      select s.tags, x.points from (
        select series_id, ${points} as points
        from binned group by series_id) x
      join s on s.id = x.series_id`;
  const [answer] = await db.execute<{ series: string | null }>(sql`
    with s as (
      select id, kind, ${key} as tags from ${metricSeries} s
      where s.service = ${q.service} and s.name = ${q.name} and s.tags @> ${JSON.stringify(q.tags)}::jsonb
    ), binned as (${binned})
    select string_agg('{"tags":' || tags::text || ',"points":' || points || '}', ',' order by tags::text) as series
    from (${perSeries}) r`);
  const head = `"service":${JSON.stringify(q.service)},"name":${JSON.stringify(q.name)},"from":"${q.from.toISOString()}","to":"${q.to.toISOString()}"`;
  return `{${head},"stepSeconds":${step},"series":[${answer?.series ?? ""}]}`;
}

async function refuseTooManySeries(db: Db, q: MetricsQuery): Promise<void> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from ${metricSeries} s
      where s.service = ${q.service} and s.name = ${q.name} and s.tags @> ${JSON.stringify(q.tags)}::jsonb
      limit ${MAX_SERIES_PER_QUERY + 1}) x`);
  if (row!.n > MAX_SERIES_PER_QUERY) {
    throw new Unprocessable(`${q.name} of ${q.service} has more than ${MAX_SERIES_PER_QUERY} series matching these tags; narrow them with \`tags\`.`, [
      { path: "tags", message: `matches more than ${MAX_SERIES_PER_QUERY} series` },
    ]);
  }
}

/** Whole hours from the rollups, and the hours not rolled yet summed from the raw points. */
async function hourlySource(db: Db, series: SQL, from: Date, to: Date): Promise<SQL> {
  const [state] = await db.execute<{ rolled_until: string }>(sql`select rolled_until from metric_rollup_state`);
  const rolled = new Date(Math.min(Math.max(Date.parse(state!.rolled_until), from.getTime()), to.getTime())).toISOString();
  return sql`
    select h.series_id, h.hour as ts, h.count as n, h.sum as total, h.max as top from ${metricPointsHourly} h
    where h.series_id = ${series} and h.hour >= ${from.toISOString()}::timestamptz and h.hour < ${rolled}::timestamptz
    union all
    select p.series_id, date_bin('1 hour', p.ts, timestamptz 'epoch'), count(*), sum(p.value), max(p.value) from ${metricPoints} p
    where p.series_id = ${series} and p.ts >= ${rolled}::timestamptz and p.ts < ${to.toISOString()}::timestamptz
    group by 1, 2`;
}
