"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { BreakerTransition, TransitionSource } from "@/lib/domain/breakers/types";
import { stateLabel } from "./format";

const FIRST_SHOWN = 15;

const sources: Record<TransitionSource, string> = {
  report: "seen in a report",
  event: "breaker event",
  override: "override",
  expiry: "override expired",
};

/** The breaker's changes of state and of override, newest first. */
export function TransitionTimeline({ name, transitions }: { name: string; transitions: BreakerTransition[] }) {
  const [all, setAll] = useState(false);
  if (transitions.length === 0) return <EmptyState title="No transition recorded yet." />;
  const shown = all ? transitions : transitions.slice(0, FIRST_SHOWN);
  return (
    <div className="space-y-2">
      <Table label={`transitions of ${name}`}>
        <THead>
          <Th>When</Th>
          <Th>Instance</Th>
          <Th>Change</Th>
          <Th>Source</Th>
          <Th>By</Th>
        </THead>
        <TBody>
          {shown.map((t) => (
            <Tr key={t.id}>
              <Td>
                <RelativeTime at={t.at} />
              </Td>
              <Td className="font-mono text-xs">{t.instance ?? <span className="font-sans text-zinc-500 dark:text-zinc-400">all instances</span>}</Td>
              <Td className="whitespace-nowrap">
                {t.from === null ? "—" : stateLabel(t.from)} → <span className="font-medium">{stateLabel(t.to)}</span>
              </Td>
              <Td>{t.source === "override" || t.source === "expiry" ? <Badge tone="accent">{sources[t.source]}</Badge> : sources[t.source]}</Td>
              <Td className="text-zinc-600 dark:text-zinc-400">{t.actor ?? "—"}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {transitions.length > FIRST_SHOWN && (
        <Button size="sm" variant="ghost" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show the latest ${transitions.length}`}
        </Button>
      )}
    </div>
  );
}
