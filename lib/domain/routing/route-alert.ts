import { matchesAll, type Labels, type Matcher } from "./matchers";
import type { ChildRoute, RouteSettings, RoutingTree } from "./tree";

/** A route an alert reached, with the settings it inherited; `path` names it in the tree ("root", "0", "0.2"). */
export interface MatchedRoute extends RouteSettings {
  path: string;
  matchers: Matcher[];
}

/**
 * Alertmanager's routing: the root takes every alert; a route's children are tried in order and
 * the first that matches takes the alert, unless it has `continue`, in which case the next ones are
 * tried too; a route none of whose children match takes the alert itself. Children inherit every
 * setting they leave out from their parent.
 */
export function routeAlert(tree: RoutingTree, labels: Labels): MatchedRoute[] {
  const { routes, ...settings } = tree;
  return walk({ matchers: [], continue: false, routes }, settings, labels, "root");
}

function walk(route: ChildRoute, inherited: RouteSettings, labels: Labels, path: string): MatchedRoute[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const own = settingsOf(route, inherited);
  const matched: MatchedRoute[] = [];
  for (const [i, child] of route.routes.entries()) {
    const found = walk(child, own, labels, path === "root" ? String(i) : `${path}.${i}`);
    matched.push(...found);
    if (found.length > 0 && !child.continue) break;
  }
  return matched.length > 0 ? matched : [{ ...own, path, matchers: route.matchers }];
}

function settingsOf(route: Partial<RouteSettings>, inherited: RouteSettings): RouteSettings {
  return {
    receiver: route.receiver ?? inherited.receiver,
    groupBy: route.groupBy ?? inherited.groupBy,
    groupWaitSeconds: route.groupWaitSeconds ?? inherited.groupWaitSeconds,
    groupIntervalSeconds: route.groupIntervalSeconds ?? inherited.groupIntervalSeconds,
    repeatIntervalSeconds: route.repeatIntervalSeconds ?? inherited.repeatIntervalSeconds,
    ackTimeoutSeconds: route.ackTimeoutSeconds ?? inherited.ackTimeoutSeconds,
    escalation: route.escalation === undefined ? inherited.escalation : route.escalation,
  };
}
