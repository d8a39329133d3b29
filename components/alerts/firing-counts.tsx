"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { Severity } from "./types";

export type FiringCounts = Record<Severity, number>;

const tones: Record<Severity, string> = {
  critical: "bg-red-600 text-white dark:bg-red-500 dark:text-zinc-950",
  warning: "bg-amber-400 text-zinc-950 dark:bg-amber-500",
  info: "bg-accent-700 text-white dark:bg-accent-500 dark:text-zinc-950",
};

/** Firing alerts by severity, beside the Alerts link; refetched on every alert change, from one small indexed query. */
export function FiringCountsBadges({ initialData }: { initialData: FiringCounts }) {
  const { data = initialData } = useLiveQuery<FiringCounts>(["alert", "counts"], "/api/v1/alerts/counts", { initialData, on: ["alert"] });
  const severities = ["critical", "warning", "info"] as const;
  const label = severities.map((s) => `${data[s]} ${s}`).join(", ");
  return (
    <span title={`Firing: ${label}`} className="flex gap-0.5 text-[10px] leading-4 font-semibold tabular-nums">
      <span className="sr-only">Firing: {label}</span>
      {severities.map((s) => (
        <span key={s} aria-hidden className={`min-w-4 rounded px-1 text-center ${data[s] > 0 ? tones[s] : "bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"}`}>
          {data[s]}
        </span>
      ))}
    </span>
  );
}
