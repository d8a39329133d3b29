"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ChainReport } from "./types";

/**
 * Whether every audit event still hashes to the next, rechecked whenever an event is appended,
 * and the anchor it was checked against: the newest checkpoint, which the console's own database
 * role cannot rewrite. Noting the anchor's hash elsewhere lets anyone check it later.
 */
export function ChainBadge({ initialData }: { initialData: ChainReport }) {
  const { data } = useLiveQuery<ChainReport>(["audit", "verify"], "/api/v1/audit/verify", { initialData, on: ["audit"] });
  if (!data) return <Badge>Chain not checked</Badge>;
  return (
    <span className="flex items-center gap-2">
      {data.ok ? (
        <Badge tone="green" dot title={`${data.count} events; head ${data.head?.slice(0, 12) ?? "none"}`}>
          Chain verified
        </Badge>
      ) : (
        <Badge tone="red" dot title={`${data.count} events verify before it`}>
          Chain broken at #{data.firstBadId}
        </Badge>
      )}
      {data.anchor && (
        <span className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="chain-anchor">
          anchored at #{data.anchor.auditId} <code title={data.anchor.hash}>{data.anchor.hash.slice(0, 12)}</code> <RelativeTime at={data.anchor.verifiedAt} />
        </span>
      )}
    </span>
  );
}
