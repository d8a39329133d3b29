"use client";

import { useLiveStatus } from "./live-provider";
import type { LiveStatus } from "./use-event-stream";

const looks: Record<LiveStatus, { dot: string; label: string; title: string }> = {
  connecting: { dot: "bg-zinc-400 animate-pulse", label: "Connecting…", title: "Connecting to the live stream." },
  live: { dot: "bg-green-500", label: "Live", title: "Changes appear as they happen." },
  down: { dot: "bg-amber-500 animate-pulse", label: "Reconnecting…", title: "The live stream is down; pages refresh every 5 s until it is back." },
};

export function LiveIndicator() {
  const { dot, label, title } = looks[useLiveStatus()];
  return (
    <span role="status" title={title} className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
