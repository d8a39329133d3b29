export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (1 for the first retry): exponential up to the cap, then
 * spread ±50 % so a fleet that lost the console together does not come back in lockstep.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.5 + random()));
}

/** A console's `Retry-After`, plus up to half again, so the instances it turned away do not all return in the same second. */
export function retryAfterDelay(retryAfterMs: number, random: () => number = Math.random): number {
  return Math.round(retryAfterMs * (1 + random() * 0.5));
}

/** A steady interval spread by ±10 %, so instances started together drift apart instead of reporting in bursts. */
export function spreadInterval(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (0.9 + random() * 0.2));
}
