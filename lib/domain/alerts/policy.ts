import type { AlertPolicy } from "@/drizzle/schema";
import { groupKeyOf } from "../routing/grouping";
import type { Labels } from "../routing/matchers";
import { routeAlert } from "../routing/route-alert";
import { routingLabels } from "../routing/routing-labels";
import type { RoutingTree } from "../routing/tree";

/**
 * What routing decides for a new occurrence: every route it reaches notifies, and the first of them
 * sets the ack timeout, the repeat interval and the escalation.
 */
export function policyFor(tree: RoutingTree, labels: Labels): AlertPolicy {
  const routes = routeAlert(tree, routingLabels(labels));
  const first = routes[0]!;
  return {
    routes: routes.map((r) => ({
      path: r.path,
      receiver: r.receiver,
      groupKey: groupKeyOf(r, labels),
      groupWaitSeconds: r.groupWaitSeconds,
      groupIntervalSeconds: r.groupIntervalSeconds,
    })),
    ackTimeoutSeconds: first.ackTimeoutSeconds,
    repeatIntervalSeconds: first.repeatIntervalSeconds,
    escalation: first.escalation,
  };
}
