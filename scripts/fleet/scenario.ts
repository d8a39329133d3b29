import { seededRandom } from "./random";

/** How a dependency behaves for a while. */
export type Weather = "healthy" | "flaky" | "slow" | "outage" | "recovering";

export interface Conditions {
  weather: Weather;
  failureRate: number;
  /** Multiplies the dependency's usual median latency. */
  latencyFactor: number;
}

const climate: Record<Weather, Omit<Conditions, "weather">> = {
  healthy: { failureRate: 0.01, latencyFactor: 1 },
  flaky: { failureRate: 0.3, latencyFactor: 1.5 },
  slow: { failureRate: 0.03, latencyFactor: 12 },
  outage: { failureRate: 0.95, latencyFactor: 0.4 },
  recovering: { failureRate: 0.15, latencyFactor: 2 },
};

/** A scripted story, `[weather, seconds]` in order, that repeats for as long as the fleet runs. */
export type Script = ReadonlyArray<readonly [Weather, number]>;

/**
 * The dependency's conditions at any moment since the fleet started. Phase lengths vary by up to
 * ±15 % per seed, so services sharing a script still drift apart, yet every start replays the
 * same story (the first trouble comes within seconds, for a newcomer's first screen).
 */
export function scenario(script: Script, seed: string): (elapsedMs: number) => Conditions {
  const random = seededRandom(seed);
  const phases = script.map(([weather, seconds]) => ({ weather, ms: Math.round(seconds * 1_000 * (0.85 + random() * 0.3)) }));
  const cycleMs = phases.reduce((sum, p) => sum + p.ms, 0);
  return (elapsedMs) => {
    let at = ((elapsedMs % cycleMs) + cycleMs) % cycleMs;
    for (const phase of phases) {
      if (at < phase.ms) return { weather: phase.weather, ...climate[phase.weather] };
      at -= phase.ms;
    }
    return { weather: "healthy", ...climate.healthy };
  };
}
