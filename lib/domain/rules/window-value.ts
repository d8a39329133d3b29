import { sql, type SQL } from "drizzle-orm";
import { metricSeries } from "@/drizzle/schema";
import { metricPoints } from "../metrics/points-table";
import type { RuleFields } from "./rule-input";

type Window = Pick<RuleFields, "service" | "metric" | "tags" | "aggregation" | "windowSeconds">;

/**
 * A scalar subquery: the rule's aggregation over the points of its matching series in the window
 * (at - windowSeconds, at]; null without points. `at` is a SQL time, so a preview can evaluate it
 * at every step of a generate_series.
 */
export function valueAt(rule: Window, at: SQL): SQL {
  const points = sql`
    select p.series_id, p.ts, p.value from ${metricPoints} p
    where p.series_id in (select id from ${metricSeries} where service = ${rule.service} and name = ${rule.metric} and tags @> ${JSON.stringify(rule.tags)}::jsonb)
      and p.ts > ${at} - make_interval(secs => ${rule.windowSeconds}) and p.ts <= ${at}`;
  switch (rule.aggregation) {
    case "avg":
    case "max":
    case "min":
      return sql`(select ${sql.raw(rule.aggregation)}(value) from (${points}) w)`;
    case "p95":
      return sql`(select percentile_cont(0.95) within group (order by value) from (${points}) w)`;
    case "sum":
      return sql`(select sum(mean) from (select avg(value) as mean from (${points}) w group by series_id) s)`;
    case "rate":
      // A counter that went down restarted; its increase is then unknown and counts as none.
      return sql`(select sum(increase) / ${rule.windowSeconds} from (
        select greatest(0, (array_agg(value order by ts desc))[1] - (array_agg(value order by ts))[1]) as increase
        from (${points}) w group by series_id having count(*) > 1) s)`;
  }
}
