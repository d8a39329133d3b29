/** A chart range: one of the presets, which stays live and slides with time, or fixed bounds. */
export type TimeRange = { preset: Preset } | { from: string; to: string };

export const presets = [
  { id: "15m", label: "15 min", seconds: 900 },
  { id: "1h", label: "1 h", seconds: 3_600 },
  { id: "6h", label: "6 h", seconds: 21_600 },
  { id: "24h", label: "24 h", seconds: 86_400 },
  { id: "7d", label: "7 d", seconds: 604_800 },
] as const;

export type Preset = (typeof presets)[number]["id"];

/** Live tail redraws at most this often, however many points arrive. */
export const LIVE_REFRESH_MS = 10_000;

export function presetSeconds(preset: Preset): number {
  return presets.find((p) => p.id === preset)!.seconds;
}

/** The query parameters of a range: a preset asks for the last N seconds, so each refetch moves with the clock. */
export function rangeParams(range: TimeRange): Record<string, string> {
  return "preset" in range ? { last: String(presetSeconds(range.preset)) } : { from: range.from, to: range.to };
}

/** The bounds to draw, in ms: a preset's end is the moment its data was fetched. */
export function rangeBounds(range: TimeRange, fetchedAt: number): [number, number] {
  if ("preset" in range) return [fetchedAt - presetSeconds(range.preset) * 1000, fetchedAt];
  return [Date.parse(range.from), Date.parse(range.to)];
}

export function rangeKey(range: TimeRange): string {
  return "preset" in range ? range.preset : `${range.from}/${range.to}`;
}
