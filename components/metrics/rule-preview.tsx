"use client";

import { Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { RulePreview } from "@/lib/domain/rules/preview";
import { formatExact } from "@/components/ui/relative-time";
import { formatTick } from "./format";

/** The rule's value over the last 24 hours against its threshold, shaded where it would have fired. */
export function RulePreviewChart({ preview, threshold }: { preview: RulePreview; threshold: number }) {
  const rows = preview.points.map(([t, value]) => ({ t: Date.parse(t), value }));
  const span = 86_400_000;
  const fired = preview.firing.length;
  return (
    <figure aria-label="Rule preview" className="space-y-1">
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
        {fired === 0 ? "Over the last 24 hours this rule would not have fired." : `Over the last 24 hours this rule would have fired ${fired} ${fired === 1 ? "time" : "times"} (shaded).`}
      </figcaption>
      <div className="h-40">
        <LineChart responsive style={{ width: "100%", height: "100%" }} data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => formatTick(t, span)} fontSize={11} />
          <YAxis width={48} fontSize={11} />
          <Tooltip labelFormatter={(t) => formatExact(Number(t))} contentStyle={{ fontSize: 12 }} />
          {preview.firing.map(({ from, to }) => (
            <ReferenceArea key={from} x1={Date.parse(from)} x2={Date.parse(to) + preview.stepSeconds * 1000} fill="var(--color-red-500)" fillOpacity={0.15} />
          ))}
          <ReferenceLine y={threshold} stroke="var(--color-red-500)" strokeDasharray="4 3" />
          <Line dataKey="value" stroke="var(--color-accent-500)" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </div>
    </figure>
  );
}
