"use client";

import { Line, LineChart, YAxis } from "recharts";
import type { Tone } from "@/components/ui/badge";
import type { SparkPoint } from "@/lib/domain/breakers/types";
import { percent } from "./format";

const strokes: Record<Tone, string> = {
  green: "var(--color-green-500)",
  amber: "var(--color-amber-500)",
  red: "var(--color-red-500)",
  accent: "var(--color-accent-500)",
  neutral: "var(--color-zinc-400)",
};

// Small rates would hug the floor on a 0..100% scale; 10% is the least height the line gets.
const domain: [number, (dataMax: number) => number] = [0, (dataMax) => Math.max(0.1, dataMax)];

/** The error rate per minute over the last 15 minutes, without axes; a gap is a minute without calls. */
export function Sparkline({ points, tone }: { points: SparkPoint[]; tone: Tone }) {
  const rates = points.flatMap((p) => (p.errorRate === null ? [] : [p.errorRate]));
  const summary = rates.length
    ? `Error rate over the last 15 minutes: peak ${percent(Math.max(...rates))}, now ${percent(points.at(-1)?.errorRate ?? null)}`
    : "No calls in the last 15 minutes";
  return (
    <div role="img" aria-label={summary} title={summary} className="h-8 w-full">
      <LineChart responsive style={{ width: "100%", height: "100%" }} data={points} margin={{ top: 2, right: 1, bottom: 2, left: 1 }} accessibilityLayer={false}>
        <YAxis hide domain={domain} />
        <Line type="monotone" dataKey="errorRate" stroke={strokes[tone]} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </div>
  );
}
