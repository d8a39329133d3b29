"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { documentTopic, documentUrl, type RolloutAnswer, type Selected } from "./types";

/** The document's latest rollout; it moves with `config` (steps, halts) and with reports (`service`, `breaker`) that feed its readings. */
export function useRollout(selected: Selected) {
  return useLiveQuery<RolloutAnswer>(["config", "rollout", selected.service, selected.environment], `${documentUrl(selected)}/rollout`, {
    on: [documentTopic(selected), { topic: "service", id: selected.service }, { topic: "breaker", id: selected.service }],
  });
}
