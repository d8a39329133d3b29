import { sql } from "drizzle-orm";
import { breakers, instances } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../../services/liveness";
import type { Rollout } from "./active";
import { judge, sideReading, type GuardReadings } from "./guard";

type Row = { side: "new" | "old"; instances: number; breakers: number; open: number; failures: number; calls: number };

/**
 * The guard's readings for a rollout: the breakers that live instances reported since it started,
 * split by the version each instance reports running. A breaker of an instance on the new version
 * counts only from a report made after that instance took it.
 */
export async function guardReadings(db: Db, rollout: Rollout): Promise<GuardReadings> {
  const since = rollout.startedAt.toISOString();
  const rows = await db.execute<Row>(sql`
    with live as (
      select i.instance, i.config_version_at,
        case when i.config_version = ${rollout.version} then 'new' else 'old' end as side
      from ${instances} i
      where i.service = ${rollout.service} and i.environment = ${rollout.environment} and ${reportedRecently(sql`i.last_report_at`)}
    )
    select l.side, count(distinct l.instance)::int as instances, count(b.name)::int as breakers,
      (count(b.name) filter (where b.state = 'open'))::int as open,
      coalesce(sum(b.failures), 0)::int as failures,
      coalesce(sum(coalesce(b.failures, 0) + coalesce(b.successes, 0)), 0)::int as calls
    from live l
    left join ${breakers} b on b.service = ${rollout.service} and b.instance = l.instance
      and b.reported_at >= ${since}::timestamptz
      and (l.side = 'old' or b.reported_at >= l.config_version_at)
    group by l.side`);
  const of = (side: Row["side"]) => {
    const row = rows.find((r) => r.side === side);
    return sideReading(row ?? { instances: 0, breakers: 0, open: 0, failures: 0, calls: 0 });
  };
  return judge(rollout.guard, since, of("new"), of("old"));
}
