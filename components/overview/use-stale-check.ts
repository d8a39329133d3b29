"use client";

import { useCallback, useEffect, useRef } from "react";
import { useNow } from "@/components/ui/use-now";
import type { InstanceView, ServiceView } from "@/lib/domain/services/list-services";

const RECHECK_AFTER_MS = 10_000;

/**
 * Staleness as time passes in the browser. A report that changes nothing visible sends no live
 * event, so an instance that looks stale here may have reported since: ask the server once
 * before believing it, and at most every 10 s should the two clocks disagree.
 */
export function useStaleCheck(services: ServiceView[], staleAfterMs: number, refetch: () => unknown): (instance: InstanceView) => boolean {
  const now = useNow();
  const lastCheck = useRef(0);
  const isStale = useCallback((i: InstanceView) => i.stale || now - Date.parse(i.lastSeen) > staleAfterMs, [now, staleAfterMs]);
  const suspect = services.some((s) => s.instances.some((i) => !i.stale && isStale(i)));

  useEffect(() => {
    if (!suspect || now - lastCheck.current < RECHECK_AFTER_MS) return;
    lastCheck.current = now;
    refetch();
  }, [suspect, now, refetch]);

  return isStale;
}
