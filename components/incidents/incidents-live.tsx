"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { ErrorState } from "@/components/ui/error-state";
import { IncidentsTable } from "./incidents-table";
import type { IncidentItem } from "./types";

export const INCIDENTS_URL = "/api/v1/incidents?limit=100";

/** The Incidents page: the latest incidents, open ones first, refetched when one opens, joins or resolves. */
export function IncidentsLive({ initialData }: { initialData: { items: IncidentItem[] } }) {
  const { data = initialData, error } = useLiveQuery<{ items: IncidentItem[] }>(["incident", "list"], INCIDENTS_URL, { initialData, on: ["incident"] });
  return (
    <div className="space-y-3">
      {error && <ErrorState title="The incidents could not be refreshed.">{error.message}</ErrorState>}
      <IncidentsTable incidents={data.items} label="Incidents" />
    </div>
  );
}

/** The count beside the sidebar's Incidents link. */
export function OpenIncidentsBadge({ initialData }: { initialData: number }) {
  const { data } = useLiveQuery<{ items: IncidentItem[] }>(["incident", "open-count"], "/api/v1/incidents?status=open&limit=200", { on: ["incident"] });
  const open = data ? data.items.length : initialData;
  return (
    <span
      title={`${open} open incident${open === 1 ? "" : "s"}`}
      className={`min-w-4 rounded px-1 text-center text-[10px] leading-4 font-semibold tabular-nums ${open > 0 ? "bg-red-600 text-white dark:bg-red-500 dark:text-zinc-950" : "bg-zinc-200 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"}`}
    >
      <span className="sr-only">Open incidents: </span>
      {open}
    </span>
  );
}
