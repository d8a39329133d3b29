"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { IncidentDetail } from "./types";

/**
 * An incident's timeline moves with the incident itself (alerts joining, notes, resolution), with
 * alerts (acknowledged, resolved), with audited actions (flips, overrides, config changes) and with
 * breaker transitions.
 */
export function useIncident(id: number, initialData: IncidentDetail): { data: IncidentDetail; error: Error | null } {
  const { data, error } = useLiveQuery<IncidentDetail>(["incident", "detail", id], `/api/v1/incidents/${id}`, {
    initialData,
    on: [{ topic: "incident", id: String(id) }, "alert", "audit", "breaker"],
  });
  return { data: data ?? initialData, error };
}
