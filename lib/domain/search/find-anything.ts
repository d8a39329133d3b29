import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";

export const findInput = z.object({ q: z.string().trim().min(1).max(100) });

/** Per kind, so a palette shows a few of each rather than a page of one. */
const PER_KIND = 8;

export interface Found {
  services: { name: string; instances: number }[];
  breakers: { service: string; breaker: string; open: number; instances: number }[];
  alerts: { id: number; name: string; service: string | null; severity: string; status: string }[];
}

/** `LIKE` takes `%`, `_` and `\` literally only when escaped. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Services, breakers and open alerts whose names contain the text, for the command palette: names
 * starting with it first, then the shortest, so the likeliest target is the first one.
 */
export async function findAnything(db: Db, input: z.output<typeof findInput>): Promise<Found> {
  const like = likePattern(input.q);
  const prefix = `${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [services, breakers, alerts] = await Promise.all([
    db.execute<Found["services"][number]>(sql`
      select s.name, (select count(*)::int from instances i where i.service = s.name) as instances
      from services s where s.name ilike ${like}
      order by s.name not ilike ${prefix}, length(s.name), s.name limit ${PER_KIND}`),
    db.execute<Found["breakers"][number]>(sql`
      select service, name as breaker, count(*) filter (where state in ('open', 'forced_open'))::int as open, count(*)::int as instances
      from breakers where name ilike ${like} or service ilike ${like}
      group by service, name
      order by name not ilike ${prefix}, length(name), service, name limit ${PER_KIND}`),
    db.execute<Found["alerts"][number]>(sql`
      select id, coalesce(labels ->> 'alertname', 'alert') as name, service, severity, status
      from alerts where state <> 'resolved' and (labels ->> 'alertname' ilike ${like} or service ilike ${like} or fingerprint = ${input.q})
      order by id desc limit ${PER_KIND}`),
  ]);
  return { services: [...services], breakers: [...breakers], alerts: alerts.map((a) => ({ ...a, id: Number(a.id) })) };
}
