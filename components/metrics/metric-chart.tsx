"use client";

import { useRef, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorState } from "@/components/ui/error-state";
import { AnnotationMarker, markerColors } from "./annotation-marker";
import { AnnotationTooltip } from "./annotation-tooltip";
import { formatTick, formatValue, lineColors, type ValueFormat } from "./format";
import type { Annotation } from "./types";
import { useChartData, type LineQuery } from "./use-chart-data";
import type { TimeRange } from "./time-range";

export interface ChartSpec {
  title: string;
  queries: LineQuery[];
  format: ValueFormat;
}

/** Points per line: about one per pixel of a chart half a page wide. */
const MAX_POINTS = 400;
const HIDE_DELAY_MS = 200;

/** One chart of a service page: its lines, downsampled on the server, and the service's annotations. */
export function MetricChart({ service, spec, range, tick, annotations }: { service: string; spec: ChartSpec; range: TimeRange; tick: number; annotations: Annotation[] }) {
  const { rows, lines, bounds, loading, error } = useChartData(service, spec.queries, range, MAX_POINTS, tick);
  const [shown, setShown] = useState<{ annotation: Annotation; x: number } | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const keep = () => window.clearTimeout(hideTimer.current);
  const show = (annotation: Annotation, x: number) => {
    keep();
    setShown({ annotation, x });
  };
  const hide = () => {
    keep();
    hideTimer.current = window.setTimeout(() => setShown(null), HIDE_DELAY_MS);
  };
  // A line needs two points; with fewer intervals than that, each point shows as a dot.
  const sparse = rows.length <= 2;
  const visible = annotations.filter((a) => {
    const t = Date.parse(a.at);
    return t >= bounds[0] && t <= bounds[1];
  });

  return (
    <figure aria-label={`${spec.title} chart`} className="relative rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-points={rows.length}>
      <figcaption className="mb-2 text-sm font-medium">{spec.title}</figcaption>
      {error ? (
        <ErrorState title="This chart could not be loaded.">{error.message}</ErrorState>
      ) : !loading && rows.length === 0 ? (
        <p className="flex h-48 items-center justify-center text-xs text-zinc-500">No points in this range.</p>
      ) : (
        <div className="h-48">
          <LineChart responsive style={{ width: "100%", height: "100%" }} data={rows} margin={{ top: 10, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-zinc-500)" strokeOpacity={0.2} />
            <XAxis dataKey="t" type="number" scale="time" domain={bounds} allowDataOverflow tickFormatter={(t: number) => formatTick(t, bounds[1] - bounds[0])} fontSize={11} />
            <YAxis width={56} fontSize={11} tickFormatter={(v: number) => formatValue(v, spec.format)} />
            <Tooltip
              labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
              formatter={(v) => formatValue(Number(v), spec.format)}
              contentStyle={{ fontSize: 12 }}
            />
            {lines.map((line, i) => (
              <Line key={line} dataKey={line} name={line} stroke={lineColors[i % lineColors.length]} dot={sparse && { r: 2.5 }} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
            ))}
            {visible.map((a, i) => (
              <ReferenceLine
                key={`${a.at}-${i}`}
                x={Date.parse(a.at)}
                stroke={markerColors[a.kind]}
                strokeDasharray="2 3"
                label={<AnnotationMarker annotation={a} onShow={show} onHide={hide} />}
              />
            ))}
          </LineChart>
        </div>
      )}
      {shown && <AnnotationTooltip annotation={shown.annotation} x={shown.x + 12} onKeep={keep} onHide={hide} />}
    </figure>
  );
}
