"use client";

import Link from "next/link";
import { formatExact } from "@/components/ui/relative-time";
import { markerColors } from "./annotation-marker";
import type { Annotation } from "./types";

/** What a hovered marker stands for, with a link to where it is recorded. Stays open while hovered, so the link can be clicked. */
export function AnnotationTooltip({ annotation, x, onKeep, onHide }: { annotation: Annotation; x: number; onKeep: () => void; onHide: () => void }) {
  return (
    <div
      role="tooltip"
      onMouseEnter={onKeep}
      onMouseLeave={onHide}
      style={{ left: x }}
      className="absolute top-5 z-10 w-64 -translate-x-1/2 rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="flex items-center gap-1.5 font-medium">
        <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: markerColors[annotation.kind] }} />
        {annotation.title}
      </p>
      {annotation.detail && <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">{annotation.detail}</p>}
      <p className="mt-0.5 text-zinc-500">{formatExact(annotation.at)}</p>
      <Link href={annotation.href} className="mt-1 inline-block text-accent-600 underline dark:text-accent-400">
        Open
      </Link>
    </div>
  );
}
