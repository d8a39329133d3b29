import { sql } from "drizzle-orm";
import { breakerOverrides, breakers } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { reportedRecently } from "../services/liveness";
import type { BreakersSummary } from "./types";

/** Per service, how many of its breakers any live instance has open, half-open or forced. */
export async function breakersSummaries(db: Db): Promise<Map<string, BreakersSummary>> {
  const live = reportedRecently(breakers.reportedAt);
  const rows = await db
    .select({
      service: breakers.service,
      open: sql<boolean>`bool_or(${breakers.state} = 'open' and ${live})`,
      halfOpen: sql<boolean>`bool_or(${breakers.state} = 'half_open' and ${live})`,
      forced: sql<boolean>`bool_or(${breakers.state} in ('forced_open', 'forced_closed') and ${live}) or exists (
        select 1 from ${breakerOverrides} o where o.service = ${breakers.service} and o.breaker = ${breakers.name})`,
    })
    .from(breakers)
    .groupBy(breakers.service, breakers.name);
  const out = new Map<string, BreakersSummary>();
  for (const r of rows) {
    const s = out.get(r.service) ?? { total: 0, open: 0, halfOpen: 0, forced: 0 };
    s.total += 1;
    if (r.open) s.open += 1;
    if (r.halfOpen) s.halfOpen += 1;
    if (r.forced) s.forced += 1;
    out.set(r.service, s);
  }
  return out;
}
