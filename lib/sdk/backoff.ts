export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (1 for the first retry): exponential, capped, with
 * "equal jitter" (half fixed, half random) so a fleet that lost the console together does not
 * come back in lockstep, yet never retries sooner than half the nominal delay.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/** A steady interval spread by ±10 %, so instances started together drift apart instead of reporting in bursts. */
export function spreadInterval(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (0.9 + random() * 0.2));
}
