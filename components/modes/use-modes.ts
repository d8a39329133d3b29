"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { ModesPage } from "./types";

const MODES_URL = "/api/v1/modes";

/**
 * The Modes page depends on two topics: `mode` (desired modes, instances switching) and `service`
 * (instances joining, queue depths). Each refetches its own query; the page shows the newer answer.
 */
export function useModes(initialData: ModesPage): { data: ModesPage; error: Error | null } {
  const byMode = useLiveQuery<ModesPage>(["mode", "list"], MODES_URL, { initialData });
  const byService = useLiveQuery<ModesPage>(["service", "modes"], MODES_URL, { initialData });
  const newer = byService.dataUpdatedAt > byMode.dataUpdatedAt ? byService : byMode;
  return { data: newer.data ?? initialData, error: byMode.error ?? byService.error };
}
