"use client";

import { useEffect, useRef, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ErrorState } from "@/components/ui/error-state";
import { formatExact } from "@/components/ui/relative-time";
import { clusterAnnotations, openPeriods, type Cluster } from "./annotation-layout";
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

/** What the charts of one page share: hover, zoom, which changes are shown, and where a young service's data starts. */
export interface ChartPage {
  /** Charts with one sync id show the hovered time together (a shared crosshair). */
  syncId: string;
  annotations: Annotation[];
  /** Breaker-open periods shaded. */
  bands: boolean;
  /** When set, the x axis starts here rather than at the range's start: the page's earliest point. */
  fitFrom: number | null;
  onEarliest: (chart: string, t: number | null) => void;
  onZoom: (from: number, to: number) => void;
}

/** Points per line: about one per pixel of a chart half a page wide. */
const MAX_POINTS = 400;
const HIDE_DELAY_MS = 200;
const Y_AXIS_PX = 56;
/** A drag narrower than this is a click, not a zoom. */
const MIN_ZOOM_MS = 5_000;

/**
 * The shared crosshair lands on this chart's point nearest the hovered time: each chart's points
 * are bucketed from the moment its own query ran, so their times differ by a few milliseconds.
 */
function nearestTick(ticks: ReadonlyArray<{ value: unknown }>, hovered: { activeLabel?: string | number }): number {
  const t = Number(hovered.activeLabel);
  let best = 0;
  ticks.forEach((tick, i) => {
    if (Math.abs(Number(tick.value) - t) < Math.abs(Number(ticks[best]!.value) - t)) best = i;
  });
  return best;
}

/** One chart of a service page: its lines, downsampled on the server, and the changes that explain them. */
export function MetricChart({ service, spec, range, tick, page }: { service: string; spec: ChartSpec; range: TimeRange; tick: number; page: ChartPage }) {
  const { rows, lines, bounds, loading, error } = useChartData(service, spec.queries, range, MAX_POINTS, tick);
  const [shown, setShown] = useState<{ cluster: Cluster; x: number } | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [width, setWidth] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const { onEarliest } = page;
  const earliest = rows[0]?.t ?? null;
  const empty = rows.length === 0;

  useEffect(() => onEarliest(spec.title, earliest), [onEarliest, spec.title, earliest]);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading, empty]);

  const keep = () => window.clearTimeout(hideTimer.current);
  const show = (cluster: Cluster, x: number) => {
    keep();
    setShown({ cluster, x });
  };
  const hide = () => {
    keep();
    hideTimer.current = window.setTimeout(() => setShown(null), HIDE_DELAY_MS);
  };

  const domain: [number, number] = page.fitFrom !== null && page.fitFrom > bounds[0] ? [page.fitFrom - (bounds[1] - page.fitFrom) * 0.02, bounds[1]] : bounds;
  const within = page.annotations.filter((a) => {
    const t = Date.parse(a.at);
    return t >= domain[0] && t <= domain[1];
  });
  const pxPerMs = Math.max(1, width - Y_AXIS_PX) / (domain[1] - domain[0]);
  const clusters = clusterAnnotations(within, pxPerMs);
  const bands = page.bands ? openPeriods(within, domain) : [];
  // A line needs two points; with fewer intervals than that, each point shows as a dot.
  const sparse = rows.length <= 2;
  const at = (label: unknown) => (typeof label === "number" ? label : null);

  function endDrag() {
    if (drag && Math.abs(drag.to - drag.from) >= MIN_ZOOM_MS) page.onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
    setDrag(null);
  }

  return (
    <figure aria-label={`${spec.title} chart`} className="relative rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-points={rows.length} data-clusters={clusters.length} data-bands={bands.length}>
      <figcaption className="mb-2 text-sm font-medium">{spec.title}</figcaption>
      {error ? (
        <ErrorState title="This chart could not be loaded.">{error.message}</ErrorState>
      ) : !loading && empty ? (
        <p className="flex h-48 items-center justify-center text-xs text-zinc-500 dark:text-zinc-400">No points in this range.</p>
      ) : (
        <div ref={box} className="h-48 cursor-crosshair select-none">
          <LineChart
            responsive
            style={{ width: "100%", height: "100%" }}
            data={rows}
            margin={{ top: 10, right: 8, bottom: 0, left: 0 }}
            syncId={page.syncId}
            syncMethod={nearestTick}
            onMouseDown={(state) => {
              const t = at(state.activeLabel);
              if (t !== null) setDrag({ from: t, to: t });
            }}
            onMouseMove={(state) => {
              const t = at(state.activeLabel);
              if (drag && t !== null) setDrag({ ...drag, to: t });
            }}
            onMouseUp={endDrag}
            onMouseLeave={() => setDrag(null)}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-zinc-500)" strokeOpacity={0.2} />
            <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t: number) => formatTick(t, domain[1] - domain[0])} fontSize={11} />
            <YAxis width={Y_AXIS_PX} fontSize={11} tickFormatter={(v: number) => formatValue(v, spec.format)} />
            <Tooltip
              labelFormatter={(t) => formatExact(Number(t))}
              formatter={(v) => formatValue(Number(v), spec.format)}
              contentStyle={{ fontSize: 12 }}
            />
            {bands.map(([from, to]) => (
              <ReferenceArea key={from} x1={from} x2={to} fill={markerColors.breaker} fillOpacity={0.12} stroke="none" ifOverflow="hidden" className="breaker-open" />
            ))}
            {lines.map((line, i) => (
              <Line key={line} dataKey={line} name={line} stroke={lineColors[i % lineColors.length]} dot={sparse && { r: 2.5 }} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
            ))}
            {clusters.map((cluster) => (
              <ReferenceLine
                key={cluster.t}
                x={cluster.t}
                // Breaker changes are told by their bands; a line for each would wall the chart off when a fleet flaps.
                stroke={cluster.items.every((a) => a.kind === "breaker") ? "transparent" : markerColors[cluster.items[0]!.kind]}
                strokeDasharray="2 3"
                label={<AnnotationMarker cluster={cluster} onShow={show} onHide={hide} />}
              />
            ))}
            {drag && drag.to !== drag.from && <ReferenceArea x1={drag.from} x2={drag.to} fill="var(--color-accent-500)" fillOpacity={0.15} stroke="none" />}
          </LineChart>
        </div>
      )}
      {shown && <AnnotationTooltip cluster={shown.cluster} x={shown.x + 12} onKeep={keep} onHide={hide} />}
    </figure>
  );
}
