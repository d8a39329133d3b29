"use client";

import { formatExact } from "@/components/ui/relative-time";
import { kindCounts, type Cluster } from "./annotation-layout";
import type { Annotation } from "./types";

export const markerColors: Record<Annotation["kind"], string> = {
  mode: "var(--color-violet-500)",
  override: "var(--color-amber-500)",
  config: "var(--color-sky-500)",
  breaker: "var(--color-red-500)",
  alert: "var(--color-pink-500)",
};

interface MarkerProps {
  cluster: Cluster;
  viewBox?: { x?: number; y?: number };
  onShow: (cluster: Cluster, x: number) => void;
  onHide: () => void;
}

/** A marker atop the chart for one change, or a counted one for changes too close to tell apart; hovering or focusing it shows them. */
export function AnnotationMarker({ cluster, viewBox, onShow, onHide }: MarkerProps) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const show = () => onShow(cluster, x);
  const [first] = cluster.items as [Annotation];
  const single = cluster.items.length === 1;
  const label = single
    ? `${first.title} at ${formatExact(first.at)}`
    : `${cluster.items.length} changes from ${formatExact(first.at)}: ${kindCounts(cluster.items).map(([k, n]) => `${n} ${k}`).join(", ")}`;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      data-annotation={single ? first.kind : "cluster"}
      onMouseEnter={show}
      onFocus={show}
      onMouseLeave={onHide}
      onBlur={onHide}
      className="cursor-pointer outline-none"
    >
      <rect x={x - 8} y={y - 2} width={16} height={14} fill="transparent" />
      {single ? (
        <path d={`M ${x - 5} ${y} L ${x + 5} ${y} L ${x} ${y + 7} Z`} fill={markerColors[first.kind]} />
      ) : (
        <>
          <circle cx={x} cy={y + 4} r={7} fill={markerColors[kindCounts(cluster.items)[0]![0]]} />
          <text x={x} y={y + 7.5} textAnchor="middle" fontSize={9} fontWeight={600} fill="white">
            {cluster.items.length > 99 ? "99+" : cluster.items.length}
          </text>
        </>
      )}
    </g>
  );
}
