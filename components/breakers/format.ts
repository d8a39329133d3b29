import type { Tone } from "@/components/ui/badge";
import type { BreakerState, LatencyMs } from "@/lib/domain/breakers/types";

export function percent(rate: number | null): string {
  if (rate === null) return "—";
  if (rate === 0) return "0%";
  if (rate < 0.001) return "<0.1%";
  return `${(rate * 100).toFixed(rate >= 0.1 ? 0 : 1)}%`;
}

export function perSecond(value: number | null): string {
  if (value === null) return "—";
  if (value === 0) return "0";
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** "120 / 900 / 2100 ms", a dash for a percentile nobody reported. */
export function latencies(latency: LatencyMs): string {
  const values = [latency.p50, latency.p95, latency.p99];
  if (values.every((v) => v === null)) return "—";
  return `${values.map((v) => (v === null ? "—" : Math.round(v))).join(" / ")} ms`;
}

export function stateLabel(state: string): string {
  return state.replace(/_/g, " ");
}

/** "open 1 / closed 3", troubled states first. */
export function stateCounts(counts: Partial<Record<BreakerState, number>>): string {
  const order: BreakerState[] = ["open", "half_open", "forced_open", "forced_closed", "closed", "disabled"];
  const parts = order.flatMap((state) => (counts[state] ? [`${stateLabel(state)} ${counts[state]}`] : []));
  return parts.length ? parts.join(" / ") : "no live instance";
}

const stateTones: Record<BreakerState, Tone> = {
  open: "red",
  half_open: "amber",
  forced_open: "red",
  forced_closed: "accent",
  closed: "green",
  disabled: "neutral",
};

export function stateTone(state: BreakerState): Tone {
  return stateTones[state];
}

// Thresholds a responder would act on: a few percent is noise, a quarter of calls failing is an outage.
export function rateTone(rate: number): Tone {
  if (rate >= 0.25) return "red";
  if (rate >= 0.05) return "amber";
  return "green";
}
