"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { IncidentDetail } from "./types";

/**
 * An incident's timeline moves with four topics: `incident` (alerts joining, notes, resolution),
 * `alert` (its alerts acknowledged, resolved), `audit` (flips, overrides, config changes) and
 * `breaker` (transitions). Each refetches its own query; the page shows the newest answer.
 */
export function useIncident(id: number, initialData: IncidentDetail): { data: IncidentDetail; error: Error | null } {
  const url = `/api/v1/incidents/${id}`;
  const queries = [
    useLiveQuery<IncidentDetail>(["incident", "detail", id], url, { initialData }),
    useLiveQuery<IncidentDetail>(["alert", "incident", id], url, { initialData }),
    useLiveQuery<IncidentDetail>(["audit", "incident", id], url, { initialData }),
    useLiveQuery<IncidentDetail>(["breaker", "incident", id], url, { initialData }),
  ];
  const newest = queries.reduce((a, b) => (b.dataUpdatedAt > a.dataUpdatedAt ? b : a));
  return { data: newest.data ?? initialData, error: queries.find((q) => q.error)?.error ?? null };
}
