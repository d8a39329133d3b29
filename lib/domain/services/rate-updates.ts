/** At most one rate-only "breaker" notification per service in this interval, per process. */
export const RATE_UPDATE_INTERVAL_MS = 2_000;

const lastNotified = new Map<string, number>();

/**
 * Breaker rates change with every report, thousands a second across a fleet; browsers need them
 * only every couple of seconds. State changes notify at once regardless of this.
 */
export function rateUpdateDue(service: string, now: Date): boolean {
  const last = lastNotified.get(service) ?? 0;
  if (now.getTime() - last < RATE_UPDATE_INTERVAL_MS) return false;
  lastNotified.set(service, now.getTime());
  return true;
}
