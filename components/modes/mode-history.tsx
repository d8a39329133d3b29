"use client";

import { Badge, type Tone } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ModeChange, ModeChangeSource } from "@/lib/domain/modes/types";

const sourceTones: Record<ModeChangeSource, Tone> = { manual: "accent", automatic: "neutral", expiry: "amber" };

/** The latest changes of the desired mode, newest first: who, why and how. */
export function ModeHistory({ service, history }: { service: string; history: ModeChange[] }) {
  if (history.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No change of mode recorded yet.</p>;
  return (
    <Table label={`mode history of ${service}`}>
      <THead>
        <Th>When</Th>
        <Th>Change</Th>
        <Th>Source</Th>
        <Th>By</Th>
        <Th>Why</Th>
      </THead>
      <TBody>
        {history.map((change) => (
          <Tr key={change.id}>
            <Td>
              <RelativeTime at={change.at} />
            </Td>
            <Td className="whitespace-nowrap">
              {change.from ?? "—"} → <span className="font-medium">{change.to}</span>
            </Td>
            <Td>
              <Badge tone={sourceTones[change.source]}>{change.source}</Badge>
            </Td>
            <Td className="max-w-48 truncate text-zinc-600 dark:text-zinc-400" title={change.actor ?? undefined}>
              {change.actor ?? "—"}
            </Td>
            <Td className="max-w-80 truncate text-zinc-600 dark:text-zinc-400" title={change.reason ?? undefined}>
              {change.reason ?? ""}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
