import type { LiveEvent } from "@/lib/live/events";

/** At most one "metric" notification per service in this interval, per process. */
export const METRIC_NOTIFY_INTERVAL_MS = 2_000;

const lastNotified = new Map<string, number>();

/**
 * Points arrive hundreds of times a second across a fleet; a chart needs redrawing every couple
 * of seconds at most, so most writes notify nobody.
 */
export function metricChanged(services: Iterable<string>, now = Date.now()): LiveEvent[] {
  const events: LiveEvent[] = [];
  for (const service of services) {
    if (now - (lastNotified.get(service) ?? 0) < METRIC_NOTIFY_INTERVAL_MS) continue;
    lastNotified.set(service, now);
    events.push({ topic: "metric", id: service });
  }
  return events;
}
