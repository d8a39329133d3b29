import { z } from "zod";
import { labelName, matchers } from "./matchers";

/** The receiver that notifies no channel: the alert shows in the console only. */
export const CONSOLE = "console";

const DAY = 86_400;

export const receiverName = z.string().trim().min(1).max(100);
const seconds = (min: number) => z.number().int().min(min).max(30 * DAY);

export const escalation = z.object({ afterSeconds: seconds(1), receiver: receiverName });

const settings = {
  receiver: receiverName,
  /** `["..."]` groups by every label, as in Alertmanager. */
  groupBy: z.array(labelName).max(50),
  groupWaitSeconds: seconds(0),
  groupIntervalSeconds: seconds(1),
  repeatIntervalSeconds: seconds(1),
  ackTimeoutSeconds: seconds(1),
  /** `null` turns off an escalation a parent route has. */
  escalation: escalation.nullable(),
};

export type RouteSettings = { [K in keyof typeof settings]: z.output<(typeof settings)[K]> };

export interface ChildRoute extends Partial<RouteSettings> {
  matchers: z.output<typeof matchers>;
  continue: boolean;
  routes: ChildRoute[];
}

export const childRoute: z.ZodType<ChildRoute, unknown> = z.lazy(() =>
  z.object({
    matchers: matchers.default([]),
    continue: z.boolean().default(false),
    receiver: settings.receiver.optional(),
    groupBy: settings.groupBy.optional(),
    groupWaitSeconds: settings.groupWaitSeconds.optional(),
    groupIntervalSeconds: settings.groupIntervalSeconds.optional(),
    repeatIntervalSeconds: settings.repeatIntervalSeconds.optional(),
    ackTimeoutSeconds: settings.ackTimeoutSeconds.optional(),
    escalation: settings.escalation.optional(),
    routes: z.array(childRoute).max(100).default([]),
  }),
);

export const routingTree = z.object({
  receiver: receiverName,
  groupBy: settings.groupBy.default(["alertname", "service"]),
  groupWaitSeconds: settings.groupWaitSeconds.default(30),
  groupIntervalSeconds: settings.groupIntervalSeconds.default(300),
  repeatIntervalSeconds: settings.repeatIntervalSeconds.default(4 * 3600),
  ackTimeoutSeconds: settings.ackTimeoutSeconds.default(4 * 3600),
  escalation: settings.escalation.default(null),
  routes: z.array(childRoute).max(100).default([]),
});

export type RoutingTree = z.output<typeof routingTree>;

/** Every receiver the tree names, with where, for checking them against the channels. */
export function receiversOf(tree: RoutingTree): { receiver: string; path: string }[] {
  const found: { receiver: string; path: string }[] = [];
  const visit = (route: Partial<RouteSettings> & { routes: ChildRoute[] }, path: string) => {
    if (route.receiver) found.push({ receiver: route.receiver, path: `${path}receiver` });
    if (route.escalation) found.push({ receiver: route.escalation.receiver, path: `${path}escalation.receiver` });
    route.routes.forEach((child, i) => visit(child, `${path}routes.${i}.`));
  };
  visit(tree, "");
  return found;
}
