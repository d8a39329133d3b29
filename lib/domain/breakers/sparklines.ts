import { and, eq, gte, sql, type SQL } from "drizzle-orm";
import { breakerMinutes } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { SparkPoint } from "./types";

export const SPARKLINE_MINUTES = 15;

/** Error-rate sparklines keyed by `service\u0000breaker`: 15 points a minute apart, oldest first, ending with `now`'s minute. */
export async function sparklines(db: Db, now: Date, service?: string): Promise<Map<string, SparkPoint[]>> {
  const first = sparklineStart(now);
  const where: SQL[] = [gte(breakerMinutes.minute, first)];
  if (service) where.push(eq(breakerMinutes.service, service));
  const rows = await db
    .select({
      service: breakerMinutes.service,
      breaker: breakerMinutes.breaker,
      minute: breakerMinutes.minute,
      failures: sql<number>`sum(${breakerMinutes.failures})::float8`,
      successes: sql<number>`sum(${breakerMinutes.successes})::float8`,
    })
    .from(breakerMinutes)
    .where(and(...where))
    .groupBy(breakerMinutes.service, breakerMinutes.breaker, breakerMinutes.minute);
  const out = new Map<string, SparkPoint[]>();
  for (const r of rows) {
    const key = sparkKey(r.service, r.breaker);
    let points = out.get(key);
    if (!points) {
      points = emptySparkline(first);
      out.set(key, points);
    }
    const point = points[Math.round((r.minute.getTime() - first.getTime()) / 60_000)];
    const executed = r.failures + r.successes;
    if (point && executed > 0) point.errorRate = r.failures / executed;
  }
  return out;
}

export function sparkKey(service: string, breaker: string): string {
  return `${service}\u0000${breaker}`;
}

export function emptySparkline(first: Date): SparkPoint[] {
  return Array.from({ length: SPARKLINE_MINUTES }, (_, i) => ({ at: new Date(first.getTime() + i * 60_000).toISOString(), errorRate: null }));
}

export function sparklineStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 - (SPARKLINE_MINUTES - 1) * 60_000);
}
