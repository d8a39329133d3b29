"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { documentUrl, type ConfigOverview, type Drift, type Selected, type VersionsPage } from "./types";

/** The overview moves with `config` (publishes) and `service` (instances reporting the version they run, for its delivery). */
export function useOverview(initialData: ConfigOverview) {
  const byConfig = useLiveQuery<ConfigOverview>(["config", "overview"], "/api/v1/config", { initialData });
  const byService = useLiveQuery<ConfigOverview>(["service", "config-overview"], "/api/v1/config", { initialData });
  return byService.dataUpdatedAt > byConfig.dataUpdatedAt ? byService : byConfig;
}

/** A page of a document's history: the newest, or the one before version `before`. */
export function useVersions(selected: Selected, initialData?: VersionsPage, before?: number) {
  const query = before === undefined ? "" : `?before=${before}`;
  return useLiveQuery<VersionsPage>(["config", "versions", selected.service, selected.environment, before ?? "newest"], `${documentUrl(selected)}/versions${query}`, { initialData });
}

/**
 * Drift moves with two topics: `config` (a new current version) and `service` (instances reporting
 * the version they applied). Each refetches its own query; the page shows the newer answer.
 */
export function useDrift(selected: Selected): { data: Drift | undefined; error: Error | null } {
  const url = `${documentUrl(selected)}/drift`;
  const byConfig = useLiveQuery<Drift>(["config", "drift", selected.service, selected.environment], url);
  const byService = useLiveQuery<Drift>(["service", "config-drift", selected.service, selected.environment], url);
  const newer = byService.dataUpdatedAt > byConfig.dataUpdatedAt ? byService : byConfig;
  return { data: newer.data, error: byConfig.error ?? byService.error };
}
