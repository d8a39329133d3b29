"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { documentTopic, documentUrl, type ConfigOverview, type Drift, type Selected, type VersionsPage } from "./types";

/** The overview moves with publishes and with instances reporting the version they run, for its delivery. */
export function useOverview(initialData: ConfigOverview) {
  return useLiveQuery<ConfigOverview>(["config", "overview"], "/api/v1/config", { initialData, on: ["config", "service"] });
}

/** A page of a document's history: the newest, or the one before version `before`. */
export function useVersions(selected: Selected, initialData?: VersionsPage, before?: number) {
  const query = before === undefined ? "" : `?before=${before}`;
  return useLiveQuery<VersionsPage>(["config", "versions", selected.service, selected.environment, before ?? "newest"], `${documentUrl(selected)}/versions${query}`, { initialData, on: [documentTopic(selected)] });
}

/** Drift moves with the document (a new current version) and with its service's instances reporting the version they applied. */
export function useDrift(selected: Selected) {
  return useLiveQuery<Drift>(["config", "drift", selected.service, selected.environment], `${documentUrl(selected)}/drift`, {
    on: [documentTopic(selected), { topic: "service", id: selected.service }],
  });
}
