"use client";

import Link from "next/link";
import { formatExact } from "@/components/ui/relative-time";
import { kindCounts, type Cluster } from "./annotation-layout";
import { markerColors } from "./annotation-marker";

const MAX_LISTED = 8;

/** What a hovered marker stands for, with links to where each change is recorded. Stays open while hovered, so a link can be clicked. */
export function AnnotationTooltip({ cluster, x, onKeep, onHide }: { cluster: Cluster; x: number; onKeep: () => void; onHide: () => void }) {
  const listed = cluster.items.slice(0, MAX_LISTED);
  return (
    <div
      role="tooltip"
      onMouseEnter={onKeep}
      onMouseLeave={onHide}
      style={{ left: x }}
      className="absolute top-5 z-10 w-72 -translate-x-1/2 rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {cluster.items.length > 1 && (
        <p className="mb-1 font-medium">
          {cluster.items.length} changes: {kindCounts(cluster.items).map(([kind, n]) => `${n} ${kind}`).join(", ")}
        </p>
      )}
      <ul className="space-y-1.5">
        {listed.map((a, i) => (
          <li key={`${a.at}-${i}`}>
            <p className="flex items-center gap-1.5 font-medium">
              <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: markerColors[a.kind] }} />
              {a.title}
            </p>
            {a.detail && <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">{a.detail}</p>}
            <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">
              {formatExact(a.at)} ·{" "}
              <Link href={a.href} className="text-accent-700 underline dark:text-accent-400">
                Open
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {cluster.items.length > MAX_LISTED && <p className="mt-1 text-zinc-500 dark:text-zinc-400">and {cluster.items.length - MAX_LISTED} more; zoom in to tell them apart.</p>}
    </div>
  );
}
