"use client";

import { useQuery } from "@tanstack/react-query";
import type { Subscription } from "@/lib/live/topics";
import { LIVE_REFRESH_MS } from "./time-range";

/**
 * A number that moves when the event stream announces new points for the service, at most once
 * every LIVE_REFRESH_MS: the charts key their data on it, so a fleet writing hundreds of times a
 * second redraws a tab's charts every few seconds, all at once, instead of on every write.
 */
export function useLiveTick(service: string, live: boolean): number {
  const { data } = useQuery({
    queryKey: ["metric", service, "tick"],
    meta: { live: [{ topic: "metric", id: service }] satisfies Subscription[] },
    // No request: the stream invalidates this key, and refetching it only reads the clock.
    queryFn: () => Math.floor(Date.now() / LIVE_REFRESH_MS),
    staleTime: Infinity,
    enabled: live,
  });
  return live ? (data ?? 0) : 0;
}
