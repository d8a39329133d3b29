import { fingerprintOf } from "../alerts/fingerprint";
import type { Labels } from "./matchers";
import type { MatchedRoute } from "./route-alert";

/** The labels that tell one group of a route from another; `...` in `groupBy` means all of them. */
export function groupLabels(groupBy: readonly string[], labels: Labels): Labels {
  if (groupBy.includes("...")) return { ...labels };
  return Object.fromEntries(groupBy.filter((name) => labels[name] !== undefined).map((name) => [name, labels[name]!]));
}

export function groupKeyOf(route: Pick<MatchedRoute, "path" | "receiver" | "groupBy">, labels: Labels): string {
  return `${route.path}/${route.receiver}:${fingerprintOf(groupLabels(route.groupBy, labels))}`;
}

export interface GroupTimers {
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
}

/** When a group was first due and when it last sent; null for a group with no open alert. */
export interface GroupState {
  firstDueAt: Date;
  flushedAt: Date | null;
}

/**
 * When a new alert of a group notifies: the first alert of a new group waits `group_wait` (others
 * arriving meanwhile go out with it); once the group has sent, later alerts wait for the next
 * `group_interval` after that.
 */
export function triggerDueAt(group: GroupState | null, now: Date, timers: GroupTimers): Date {
  if (!group) return addSeconds(now, timers.groupWaitSeconds);
  if (!group.flushedAt) return latest(now, group.firstDueAt);
  return latest(now, addSeconds(group.flushedAt, timers.groupIntervalSeconds));
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
