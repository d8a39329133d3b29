import { and, asc, desc, eq, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { alerts, alertStatuses, severities } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { alertView, type AlertView } from "./alert-view";

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

/** The orders a list may take; a leading `-` reverses one. Severity and status go from the most pressing. */
export const alertSorts = ["severity", "status", "startsAt", "alertname"] as const;

const sortKeys: Record<(typeof alertSorts)[number], SQL> = {
  severity: sql`case ${alerts.severity} when 'critical' then 0 when 'warning' then 1 else 2 end`,
  status: sql`case ${alerts.status} when 'firing' then 0 when 'acknowledged' then 1 when 'silenced' then 2 else 3 end`,
  startsAt: sql`${alerts.startsAt}`,
  alertname: sql`${alerts.labels}->>'alertname'`,
};

const sortParam = z
  .string()
  .transform((s) => ({ key: s.replace(/^-/, ""), descending: s.startsWith("-") }))
  .pipe(z.object({ key: z.enum(alertSorts), descending: z.boolean() }))
  .optional()
  .meta({ description: `One of ${alertSorts.join(", ")}; a leading \`-\` reverses it. Without it: newest first, paged with \`before\`.` });

/** The query of `GET /api/v1/alerts`. */
export const alertQuery = z.object({
  /** Comma-separated; `open` stands for every status but resolved. */
  status: list([...alertStatuses, "open"] as const),
  severity: list(severities),
  service: z.string().max(100).optional(),
  /** `name=value`, repeatable. */
  label: z.array(z.string().regex(/^[^=]+=.*$/, "use name=value")).max(20).default([]),
  q: z.string().trim().max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Absent: newest first, the order `before` pages through. */
  sort: sortParam,
});

export const alertFilter = alertQuery.refine((f) => !(f.sort && f.before), { message: "before pages the default order only; leave out sort", path: ["before"] });

export type AlertFilter = z.output<typeof alertFilter>;

/** Newest first, paged by id: pass the last id of a page as `before` for the next; or the first page in another order. */
export async function listAlerts(db: Db, filter: AlertFilter): Promise<{ alerts: AlertView[]; nextBefore: number | null }> {
  const where: SQL[] = [];
  if (filter.status?.length) {
    const open = filter.status.includes("open") ? [ne(alerts.status, "resolved")] : [];
    const exact = filter.status.filter((s) => s !== "open") as (typeof alertStatuses)[number][];
    where.push(sql`(${sql.join([...open, ...(exact.length ? [inArray(alerts.status, exact)] : [])], sql` or `)})`);
  }
  if (filter.severity?.length) where.push(inArray(alerts.severity, filter.severity));
  if (filter.service) where.push(eq(alerts.service, filter.service));
  for (const pair of filter.label) {
    const at = pair.indexOf("=");
    where.push(sql`${alerts.labels} @> ${JSON.stringify({ [pair.slice(0, at)]: pair.slice(at + 1) })}::jsonb`);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${alerts.labels}::text ilike ${like} or ${alerts.annotations}::text ilike ${like} or ${alerts.fingerprint} = ${filter.q})`);
  }
  if (filter.before) where.push(lt(alerts.id, filter.before));
  const rows = await db
    .select()
    .from(alerts)
    .where(and(...where))
    .orderBy(...(filter.sort ? [filter.sort.descending ? desc(sortKeys[filter.sort.key]) : asc(sortKeys[filter.sort.key])] : []), desc(alerts.id))
    .limit(filter.limit);
  const last = rows.at(-1);
  return { alerts: rows.map(alertView), nextBefore: !filter.sort && rows.length === filter.limit && last ? last.id : null };
}

/** Firing alerts (neither acknowledged nor silenced) by severity: what still needs someone, for the sidebar. */
export async function alertCounts(db: Db): Promise<Record<(typeof severities)[number], number>> {
  const rows = await db
    .select({ severity: alerts.severity, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(eq(alerts.status, "firing"))
    .groupBy(alerts.severity);
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const r of rows) counts[r.severity] = r.n;
  return counts;
}
