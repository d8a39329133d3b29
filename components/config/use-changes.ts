"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { documentTopic, documentUrl, type ChangeRequestView, type DocumentPolicy, type Selected } from "./types";

/** The policy, and whether it freezes the document now: a critical alert firing or resolving changes that. */
export function usePolicy(selected: Selected) {
  return useLiveQuery<DocumentPolicy>(["config", "policy", selected.service, selected.environment], `${documentUrl(selected)}/policy`, { on: [documentTopic(selected), "alert"] });
}

/** The document's change requests, newest first; a pending one's diff is against the current version, so a publish moves it too. */
export function useChangeRequests(selected: Selected) {
  const query = new URLSearchParams({ service: selected.service, environment: selected.environment });
  return useLiveQuery<{ items: ChangeRequestView[] }>(["change_request", selected.service, selected.environment], `/api/v1/change-requests?${query}`, { on: ["change_request", documentTopic(selected)] });
}
