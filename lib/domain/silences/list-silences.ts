import { desc, gt, ne, sql } from "drizzle-orm";
import { alerts, silences } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { alertView } from "../alerts/alert-view";
import type { Matcher } from "../routing/matchers";
import { matchesAll } from "../routing/matchers";
import { matchesEveryAlert } from "./matches-everything";
import { silenceView } from "./silence-view";

/** Expired silences stay listed this long, for "what was silenced last night". */
const RECENT_HOURS = 24;

/** Active and pending silences, then those that expired recently; each with how many open alerts it covers. */
export async function listSilences(db: Db) {
  const rows = await db
    .select()
    .from(silences)
    .where(gt(silences.endsAt, sql`now() - make_interval(hours => ${RECENT_HOURS})`))
    .orderBy(desc(silences.endsAt));
  const counts = await db.execute<{ id: string; n: number }>(
    sql`select unnest(silenced_by) as id, count(*)::int as n from ${alerts} where state <> 'resolved' group by 1`,
  );
  const matched = new Map(counts.map((c) => [c.id, c.n]));
  const views = rows.map((r) => silenceView(r, matched.get(r.id) ?? 0));
  const rank = { active: 0, pending: 1, expired: 2 } as const;
  return { silences: views.sort((a, b) => rank[a.state] - rank[b.state]) };
}

/** The open alerts a silence with these matchers would cover, before saving it. */
export async function previewSilence(db: Db, input: { matchers: Matcher[] }) {
  const open = await db.select().from(alerts).where(ne(alerts.state, "resolved")).orderBy(desc(alerts.id));
  const matched = open.filter((a) => matchesAll(input.matchers, a.labels));
  return { matchesEveryAlert: matchesEveryAlert(input.matchers), count: matched.length, alerts: matched.slice(0, 200).map(alertView) };
}
