import { inArray } from "drizzle-orm";
import { z } from "zod";
import { channels } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { severityOf } from "../alerts/severity";
import { isFlagged } from "../channels/channel-health";
import { labelName } from "./matchers";
import { currentRouting } from "./current-routing";
import { groupLabels } from "./grouping";
import { routeAlert } from "./route-alert";
import { routingLabels } from "./routing-labels";

export const testRouteInput = z.object({ labels: z.record(labelName, z.string().max(2000)) });

/** Where an alert with these labels would go under the tree in force: its routes, and the channels behind them. */
export async function testRoute(db: Db, input: z.output<typeof testRouteInput>) {
  const { version, tree } = await currentRouting(db);
  const routes = routeAlert(tree, routingLabels(input.labels));
  const names = [...new Set(routes.flatMap((r) => [r.receiver, ...(r.escalation ? [r.escalation.receiver] : [])]))];
  const found = await db
    .select({ id: channels.id, name: channels.name, type: channels.type, consecutiveFailures: channels.consecutiveFailures })
    .from(channels)
    .where(inArray(channels.name, names));
  const byName = new Map(found.map((c) => [c.name, { ...c, flagged: isFlagged(c) }]));
  return {
    version,
    severity: severityOf(input.labels),
    routes: routes.map((r) => ({
      ...r,
      groupLabels: groupLabels(r.groupBy, input.labels),
      channel: byName.get(r.receiver) ?? null,
      escalationChannel: r.escalation ? (byName.get(r.escalation.receiver) ?? null) : null,
    })),
    channels: [...new Set(routes.map((r) => r.receiver))].flatMap((name) => byName.get(name) ?? []),
  };
}
