"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { documentUrl, type ConfigOverview, type Drift, type Selected, type VersionsPage } from "./types";

export function useOverview(initialData: ConfigOverview) {
  return useLiveQuery<ConfigOverview>(["config", "overview"], "/api/v1/config", { initialData });
}

export function useVersions(selected: Selected, initialData?: VersionsPage) {
  return useLiveQuery<VersionsPage>(["config", "versions", selected.service, selected.environment], `${documentUrl(selected)}/versions`, { initialData });
}

/**
 * Drift moves with two topics: `config` (a new current version) and `service` (instances reporting
 * the version they applied). Each refetches its own query; the page shows the newer answer.
 */
export function useDrift(selected: Selected, initialData?: Drift): { data: Drift | undefined; error: Error | null } {
  const url = `${documentUrl(selected)}/drift`;
  const byConfig = useLiveQuery<Drift>(["config", "drift", selected.service, selected.environment], url, { initialData });
  const byService = useLiveQuery<Drift>(["service", "config-drift", selected.service, selected.environment], url, { initialData });
  const newer = byService.dataUpdatedAt > byConfig.dataUpdatedAt ? byService : byConfig;
  return { data: newer.data, error: byConfig.error ?? byService.error };
}
