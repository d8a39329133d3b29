"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { Badge } from "@/components/ui/badge";
import type { ChainReport } from "./types";

/** Whether every audit event still hashes to the next; rechecked whenever an event is appended. */
export function ChainBadge({ initialData }: { initialData: ChainReport }) {
  const { data } = useLiveQuery<ChainReport>(["audit", "verify"], "/api/v1/audit/verify", { initialData });
  if (!data) return <Badge>Chain not checked</Badge>;
  if (data.ok) {
    return (
      <Badge tone="green" dot title={`${data.count} events; head ${data.head?.slice(0, 12) ?? "none"}`}>
        Chain verified
      </Badge>
    );
  }
  return (
    <Badge tone="red" dot title={`${data.count} events verify before it`}>
      Chain broken at #{data.firstBadId}
    </Badge>
  );
}
