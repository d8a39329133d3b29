import { LEVEL_LABEL } from "./routing-labels";
import { CONSOLE, type RoutingTree } from "./tree";

const MINUTE = 60;

const level = (value: string) => [{ label: LEVEL_LABEL, op: "=" as const, value }];

/**
 * The tree in force until an admin publishes one. It names no channel, because a fresh install has
 * none: every alert shows in the console, critical ones without waiting for their group. Its
 * routes are the places an admin points at channels once they exist, so adding a route to it, or
 * publishing it as it is, just works.
 */
export const defaultTree: RoutingTree = {
  receiver: CONSOLE,
  groupBy: ["alertname", "service"],
  groupWaitSeconds: 30,
  groupIntervalSeconds: 5 * MINUTE,
  repeatIntervalSeconds: 4 * 60 * MINUTE,
  ackTimeoutSeconds: 4 * 60 * MINUTE,
  escalation: null,
  routes: [
    { matchers: level("critical"), continue: false, receiver: CONSOLE, groupWaitSeconds: 0, routes: [] },
    { matchers: level("warning"), continue: false, receiver: CONSOLE, routes: [] },
  ],
};
