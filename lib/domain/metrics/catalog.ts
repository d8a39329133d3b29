import { sql } from "drizzle-orm";
import { metricSeries } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { MetricKind } from "./resolve-series";

export interface MetricService {
  service: string;
  series: number;
  metrics: { name: string; kind: MetricKind; series: number }[];
}

/** Every service with metrics, and for each its metric names with how many series each has. */
export async function listMetricServices(db: Db): Promise<{ services: MetricService[] }> {
  const rows = await db.execute<{ service: string; name: string; kind: MetricKind; series: number }>(sql`
    select service, name, min(kind) as kind, count(*)::int as series from ${metricSeries}
    group by service, name order by service, name`);
  const services = new Map<string, MetricService>();
  for (const { service, name, kind, series } of rows) {
    const entry = services.get(service) ?? { service, series: 0, metrics: [] };
    entry.series += series;
    entry.metrics.push({ name, kind, series });
    services.set(service, entry);
  }
  return { services: [...services.values()] };
}
