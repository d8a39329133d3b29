import { LEVEL_LABEL } from "./routing-labels";
import { CONSOLE, type RoutingTree } from "./tree";

const MINUTE = 60;

const level = (value: string) => [{ label: LEVEL_LABEL, op: "=" as const, value }];

/**
 * The tree in force until an admin publishes one, following common practice: critical alerts page
 * through PagerDuty, warnings go to Slack and email, info stays in the console. An unacknowledged
 * page is escalated to Slack after 5 minutes, an unacknowledged warning to PagerDuty after 15. The
 * channels it names notify once an admin creates channels of those names.
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
    { matchers: level("critical"), continue: false, receiver: "pagerduty", groupWaitSeconds: 0, escalation: { afterSeconds: 5 * MINUTE, receiver: "slack" }, routes: [] },
    { matchers: level("warning"), continue: true, receiver: "slack", escalation: { afterSeconds: 15 * MINUTE, receiver: "pagerduty" }, routes: [] },
    { matchers: level("warning"), continue: false, receiver: "email", escalation: { afterSeconds: 15 * MINUTE, receiver: "pagerduty" }, routes: [] },
  ],
};
