"use client";

import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { IncidentEntry } from "./types";

const tones: Record<IncidentEntry["kind"], Tone> = {
  alert: "red",
  ack: "amber",
  resolve: "green",
  breaker: "neutral",
  mode: "accent",
  override: "accent",
  config: "accent",
  note: "neutral",
};

/** The incident's story, oldest first, with who decided, why, and the audit event of each decision. */
export function IncidentTimeline({ entries, onOpenAlert, auditLinks }: { entries: IncidentEntry[]; onOpenAlert: (id: number) => void; auditLinks: boolean }) {
  if (entries.length === 0) return <EmptyState title="Nothing on the timeline yet." />;
  return (
    <Table label="Incident timeline">
      <THead>
        <Th>When</Th>
        <Th>Kind</Th>
        <Th>What</Th>
        <Th>Who</Th>
        <Th>Why</Th>
        <Th>Links</Th>
      </THead>
      <TBody>
        {entries.map((e, i) => (
          <Tr key={`${e.at}-${i}`} data-kind={e.kind}>
            <Td>
              <RelativeTime at={e.at} />
            </Td>
            <Td>
              <Badge tone={tones[e.kind]}>{e.kind}</Badge>
            </Td>
            <Td className="break-words">{e.summary}</Td>
            <Td className="text-xs">{e.actor ?? "—"}</Td>
            <Td className="text-xs text-zinc-600 dark:text-zinc-400">{e.reason ?? ""}</Td>
            <Td className="space-x-2 text-xs whitespace-nowrap">
              {e.alertId !== null && (
                <Button size="sm" variant="ghost" onClick={() => onOpenAlert(e.alertId!)}>
                  alert #{e.alertId}
                </Button>
              )}
              {e.auditId !== null &&
                (auditLinks ? (
                  <a href={`/api/v1/audit?from=${encodeURIComponent(e.at)}&to=${encodeURIComponent(e.at)}`} title={e.auditHash ?? undefined} className="text-accent-700 underline dark:text-accent-300">
                    audit #{e.auditId}
                  </a>
                ) : (
                  <span title={e.auditHash ?? undefined}>audit #{e.auditId}</span>
                ))}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
