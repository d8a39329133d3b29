"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import type { ScheduleView } from "./types";

/** Schedules, pending first, optionally of one service; they move with the `schedule` topic. */
export function useSchedules(service?: string) {
  const query = service ? `?service=${encodeURIComponent(service)}` : "";
  return useLiveQuery<{ items: ScheduleView[] }>(["schedule", service ?? "all"], `/api/v1/schedules${query}`, { on: ["schedule"] });
}
