"use client";

import { formatExact } from "./relative-time";
import { useNow } from "./use-now";

function formatUntil(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `in ${Math.round(seconds / 360) / 10} h`;
  return `in ${Math.round(seconds / 86_400)} d`;
}

/** "in 14 min", ticking; the exact time on hover. A moment that has passed reads "now" until the data catches up. */
export function TimeUntil({ at }: { at: string }) {
  const now = useNow();
  const left = Date.parse(at) - now;
  return (
    <time dateTime={at} title={formatExact(at)} suppressHydrationWarning className="whitespace-nowrap tabular-nums">
      {left > 0 ? formatUntil(left) : "now"}
    </time>
  );
}
