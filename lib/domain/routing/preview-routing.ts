import { desc, gte, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { currentRouting } from "./current-routing";
import { routeAlert } from "./route-alert";
import { routingLabels } from "./routing-labels";
import { routingTree, type RoutingTree } from "./tree";

export const previewRoutingInput = z.object({ tree: routingTree });

/** How far back the preview replays, and at most how many alerts, so an admin's check stays cheap. */
export const PREVIEW_HOURS = 24;
export const PREVIEW_MAX_ALERTS = 10_000;

export interface ReceiverMove {
  /** The receivers the alerts reach under the tree in force, sorted; `[]` for none. */
  from: string[];
  /** The receivers they would reach under the new tree. */
  to: string[];
  count: number;
  /** A few of the alerts' names, for the admin to recognise them. */
  examples: string[];
}

/**
 * The last day's alerts replayed through the tree in force and a candidate: which receivers each
 * group of alerts would move between, before an admin publishes it.
 */
export async function previewRouting(db: Db, input: { tree: RoutingTree }) {
  const current = await currentRouting(db);
  const since = sql`now() - make_interval(hours => ${PREVIEW_HOURS})`;
  const rows = await db
    .select({ labels: alerts.labels })
    .from(alerts)
    .where(or(isNull(alerts.endsAt), gte(alerts.endsAt, since)))
    .orderBy(desc(alerts.id))
    .limit(PREVIEW_MAX_ALERTS + 1);
  const replayed = rows.slice(0, PREVIEW_MAX_ALERTS);
  const moves = new Map<string, ReceiverMove>();
  for (const { labels } of replayed) {
    const routed = routingLabels(labels);
    const from = receiversFor(current.tree, routed);
    const to = receiversFor(input.tree, routed);
    if (from.join("\n") === to.join("\n")) continue;
    const key = `${from.join("\n")}\t${to.join("\n")}`;
    const move = moves.get(key) ?? { from, to, count: 0, examples: [] };
    move.count += 1;
    const name = labels.alertname ?? "(no alertname)";
    if (move.examples.length < 3 && !move.examples.includes(name)) move.examples.push(name);
    moves.set(key, move);
  }
  return {
    basedOn: current.version,
    hours: PREVIEW_HOURS,
    alerts: replayed.length,
    truncated: rows.length > PREVIEW_MAX_ALERTS,
    moved: [...moves.values()].reduce((n, m) => n + m.count, 0),
    moves: [...moves.values()].sort((a, b) => b.count - a.count),
  };
}

function receiversFor(tree: RoutingTree, labels: Record<string, string>): string[] {
  return [...new Set(routeAlert(tree, labels).map((r) => r.receiver))].sort();
}
