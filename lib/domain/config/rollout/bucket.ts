import { createHash } from "node:crypto";

export const BUCKETS = 100;

/**
 * An instance's place in every rollout: the first four bytes of the SHA-256 of its name, read as
 * an unsigned big-endian integer, modulo 100. Stable across processes and restarts, and spread
 * evenly whatever the names look like (`api-1`, `api-2`… land far apart).
 */
export function bucketOf(instance: string): number {
  return createHash("sha256").update(instance, "utf8").digest().readUInt32BE(0) % BUCKETS;
}

/** A step of `percent` hands the new version to the instances whose bucket is below it. */
export function stepCovers(percent: number, instance: string): boolean {
  return bucketOf(instance) < percent;
}
