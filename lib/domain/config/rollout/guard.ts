import type { RolloutGuard } from "@/drizzle/schema/config-rollouts";

/** What the reports of one side of a rollout say, over the rollout's window. */
export interface SideReading {
  instances: number;
  breakers: number;
  open: number;
  /** Open breakers over reported breakers; null when none reported. */
  openFraction: number | null;
  failures: number;
  calls: number;
  /** Failures over calls; null when no call was counted. */
  errorRate: number | null;
}

export interface GuardReadings {
  since: string;
  newVersion: SideReading;
  oldVersion: SideReading;
  /** How much worse the new version reads than the old one; null without a reading on the new side. */
  openExcess: number | null;
  errorExcess: number | null;
  tripped: ("breakerOpenFraction" | "errorRateAbove")[];
}

export function sideReading(counts: { instances: number; breakers: number; open: number; failures: number; calls: number }): SideReading {
  return {
    ...counts,
    openFraction: counts.breakers === 0 ? null : counts.open / counts.breakers,
    errorRate: counts.calls === 0 ? null : counts.failures / counts.calls,
  };
}

/**
 * The guard compares the new version with the old one over the same window, so a dependency that
 * fails for the whole fleet halts nothing; the old side reads as zero when no instance is left on
 * it. It trips only on what instances running the new version reported.
 */
export function judge(guard: RolloutGuard, since: string, newVersion: SideReading, oldVersion: SideReading): GuardReadings {
  const excess = (n: number | null, o: number | null) => (n === null ? null : round(n - (o ?? 0)));
  const openExcess = excess(newVersion.openFraction, oldVersion.openFraction);
  const errorExcess = excess(newVersion.errorRate, oldVersion.errorRate);
  const tripped: GuardReadings["tripped"] = [];
  if (openExcess !== null && openExcess > guard.breakerOpenFraction) tripped.push("breakerOpenFraction");
  if (errorExcess !== null && errorExcess > guard.errorRateAbove) tripped.push("errorRateAbove");
  return { since, newVersion, oldVersion, openExcess, errorExcess, tripped };
}

/** The readings as a sentence, for the rollback's reason and the alert. */
export function describeReadings(readings: GuardReadings, guard: RolloutGuard): string {
  const pct = (v: number | null) => (v === null ? "n/a" : `${Math.round(v * 1000) / 10}%`);
  const { newVersion: n, oldVersion: o } = readings;
  return (
    `breakers open ${pct(n.openFraction)} on the new version (${n.open}/${n.breakers} across ${n.instances} instances) vs ${pct(o.openFraction)} on the old` +
    ` (limit +${pct(guard.breakerOpenFraction)}); error rate ${pct(n.errorRate)} vs ${pct(o.errorRate)} (limit +${pct(guard.errorRateAbove)})`
  );
}

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
