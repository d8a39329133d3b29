"use client";

import type { Annotation } from "./types";

export const markerColors: Record<Annotation["kind"], string> = {
  mode: "var(--color-violet-500)",
  override: "var(--color-amber-500)",
  config: "var(--color-sky-500)",
  breaker: "var(--color-red-500)",
  alert: "var(--color-pink-500)",
};

interface MarkerProps {
  annotation: Annotation;
  viewBox?: { x?: number; y?: number };
  onShow: (annotation: Annotation, x: number) => void;
  onHide: () => void;
}

/** A marker atop a chart's annotation line; hovering or focusing it shows what changed. */
export function AnnotationMarker({ annotation, viewBox, onShow, onHide }: MarkerProps) {
  const x = viewBox?.x ?? 0;
  const y = viewBox?.y ?? 0;
  const show = () => onShow(annotation, x);
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={`${annotation.title} at ${new Date(annotation.at).toLocaleString()}`}
      data-annotation={annotation.kind}
      onMouseEnter={show}
      onFocus={show}
      onMouseLeave={onHide}
      onBlur={onHide}
      className="cursor-pointer outline-none"
    >
      <rect x={x - 6} y={y - 2} width={12} height={12} fill="transparent" />
      <path d={`M ${x - 5} ${y} L ${x + 5} ${y} L ${x} ${y + 7} Z`} fill={markerColors[annotation.kind]} />
    </g>
  );
}
