import { intlZone } from "@/components/ui/time-zone";
export type ValueFormat = "number" | "percent" | "ms" | "perSecond";

export function formatValue(value: number, format: ValueFormat): string {
  switch (format) {
    case "percent":
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case "ms":
      return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
    case "perSecond":
      return `${compact(value)}/s`;
    case "number":
      return compact(value);
  }
}

function compact(value: number): string {
  return Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 }).format(value);
}

/** Tick labels: with seconds for a range of minutes (a young service's), times of day within a day, dates beyond. */
export function formatTick(ms: number, spanMs: number): string {
  const date = new Date(ms);
  if (spanMs <= 10 * 60_000) return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: intlZone() });
  if (spanMs <= 86_400_000) return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", timeZone: intlZone() });
  return date.toLocaleDateString(undefined, { month: "short", day: "numeric", hour: "2-digit", timeZone: intlZone() });
}

export const lineColors = [
  "var(--color-accent-500)",
  "var(--color-amber-500)",
  "var(--color-emerald-500)",
  "var(--color-red-500)",
  "var(--color-violet-500)",
  "var(--color-sky-500)",
  "var(--color-pink-500)",
  "var(--color-lime-500)",
];
