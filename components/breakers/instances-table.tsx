"use client";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { BreakerInstance } from "@/lib/domain/breakers/types";
import { latencies, percent, perSecond } from "./format";
import { StateBadge } from "./state-badge";

/** Each instance's own view of one breaker, from its last report. */
export function InstancesTable({ name, instances }: { name: string; instances: BreakerInstance[] }) {
  return (
    <Table label={`instances of ${name}`}>
      <THead>
        <Th>Instance</Th>
        <Th>State, since</Th>
        <Th className="text-right">Failure rate</Th>
        <Th className="text-right">Calls/s</Th>
        <Th className="text-right">Rejects/s</Th>
        <Th className="text-right">p50 / p95 / p99</Th>
        <Th>Last report</Th>
      </THead>
      <TBody>
        {instances.map((i) => (
          <Tr key={i.instance} className={i.stale ? "text-zinc-500 dark:text-zinc-400" : ""}>
            <Td className="font-mono text-xs whitespace-nowrap">{i.instance}</Td>
            <Td>
              <div className="flex flex-col items-start gap-0.5">
                <StateBadge state={i.state} />
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  <RelativeTime at={i.stateSince} />
                </span>
              </div>
            </Td>
            <Td className="text-right tabular-nums">{percent(i.failureRate)}</Td>
            <Td className="text-right tabular-nums">{perSecond(i.callsPerSecond)}</Td>
            <Td className="text-right tabular-nums">{perSecond(i.rejectsPerSecond)}</Td>
            <Td className="text-right tabular-nums whitespace-nowrap">{latencies(i.latencyMs)}</Td>
            <Td>
              <span className="inline-flex items-center gap-2">
                <RelativeTime at={i.lastReport} />
                {i.stale && <Badge tone="amber">stale</Badge>}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
