"use client";

import { markerColors } from "./annotation-marker";
import type { AnnotationKind } from "./annotation-layout";

export const kindLabels: Record<AnnotationKind, string> = {
  mode: "Mode flips",
  override: "Overrides",
  config: "Config",
  breaker: "Breakers",
  alert: "Alerts",
};

/** Which kinds of change the page's charts show; each a toggle button with its marker's colour. */
export function KindToggles({ hidden, onToggle }: { hidden: ReadonlySet<AnnotationKind>; onToggle: (kind: AnnotationKind) => void }) {
  return (
    <div role="group" aria-label="Changes shown" className="flex flex-wrap gap-1">
      {(Object.keys(kindLabels) as AnnotationKind[]).map((kind) => {
        const on = !hidden.has(kind);
        return (
          <button
            key={kind}
            type="button"
            aria-pressed={on}
            onClick={() => onToggle(kind)}
            className={`inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${
              on ? "border-zinc-300 bg-white text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100" : "border-dashed border-zinc-300 text-zinc-400 line-through dark:border-zinc-700"
            }`}
          >
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: on ? markerColors[kind] : "transparent", outline: `1px solid ${markerColors[kind]}` }} />
            {kindLabels[kind]}
          </button>
        );
      })}
    </div>
  );
}
