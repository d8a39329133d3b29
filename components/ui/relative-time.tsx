"use client";

import { intlZone, useTimeZone } from "./time-zone";
import { useNow } from "./use-now";

const exact = (timeZone: string | undefined) =>
  new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short", timeZone });
const formats = { local: exact(undefined), UTC: exact("UTC") };

/** The exact time, in the zone the person chose (see time-zone.ts). */
export function formatExact(at: string | number | Date): string {
  return formats[intlZone() === "UTC" ? "UTC" : "local"].format(new Date(at));
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** "12 s ago", ticking; the exact time on hover. Server and browser clocks differ, hence the suppressed warning. */
export function RelativeTime({ at, never = "never" }: { at: string | null; never?: string }) {
  const now = useNow();
  useTimeZone();
  if (!at) return <span className="text-zinc-500 dark:text-zinc-400">{never}</span>;
  return (
    <time dateTime={at} title={formatExact(at)} suppressHydrationWarning className="whitespace-nowrap tabular-nums">
      {formatAge(now - Date.parse(at))}
    </time>
  );
}
