/** An OTLP explicit-bucket histogram point: `bucketCounts` has one more entry than `explicitBounds`. */
export interface Buckets {
  explicitBounds: number[];
  bucketCounts: number[];
  min?: number;
  max?: number;
}

/**
 * The q-quantile estimated from bucket counts as Prometheus's histogram_quantile does: find the
 * bucket holding the rank and interpolate linearly inside it. The point's own min and max, when
 * sent, narrow the buckets; otherwise the first starts at 0 (or at its upper bound if negative)
 * and the last, unbounded one answers its lower bound. Null for an empty histogram.
 */
export function quantile(q: number, { explicitBounds, bucketCounts, min, max }: Buckets): number | null {
  const total = bucketCounts.reduce((a, b) => a + b, 0);
  if (total === 0 || bucketCounts.length !== explicitBounds.length + 1) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < bucketCounts.length; i++) {
    const count = bucketCounts[i]!;
    if (count === 0 || seen + count < rank) {
      seen += count;
      continue;
    }
    const first = explicitBounds[0] ?? 0;
    const lower = Math.max(i === 0 ? Math.min(0, first) : explicitBounds[i - 1]!, min ?? -Infinity);
    const upper = Math.min(i === explicitBounds.length ? Infinity : explicitBounds[i]!, max ?? Infinity);
    if (upper === Infinity) return lower;
    return lower + (upper - lower) * ((rank - seen) / count);
  }
  return max ?? explicitBounds.at(-1) ?? null;
}
