/** The q-quantile (0..1) of the samples, by nearest rank; NaN for none. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

export function spread(samples: ArrayLike<number>): Spread {
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99), count: samples.length };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Milliseconds on CLOCK_MONOTONIC, which every process of the machine shares, unlike performance.now(). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

/** The lane's `Retry-After` on a shed request (`scripts/lane.ts`). */
const SHED_RETRY_MS = 2_000;

/**
 * Sends until the lane admits it: a shed 503 is sent again once its Retry-After has passed, as the
 * SDK and Alertmanager do. For the untimed setup of a section, and for one-at-a-time probes whose
 * latency then counts the wait.
 */
export async function untilAdmitted(send: () => Promise<number>): Promise<number> {
  for (;;) {
    const status = await send();
    if (status !== 503) return status;
    await sleep(SHED_RETRY_MS);
  }
}
