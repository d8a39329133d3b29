"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { IncidentBadges } from "./severity";
import type { IncidentItem } from "./types";

/** Incidents, open ones first, each row a link to its page. */
export function IncidentsTable({ incidents, label }: { incidents: IncidentItem[]; label: string }) {
  if (incidents.length === 0) return <EmptyState title="No incidents.">An incident opens when a critical or warning alert fires for a service.</EmptyState>;
  const ordered = [...incidents].sort((a, b) => Number(b.status === "open") - Number(a.status === "open") || b.id - a.id);
  return (
    <Table label={label}>
      <THead>
        <Th>Incident</Th>
        <Th>State</Th>
        <Th>Services</Th>
        <Th>Alerts</Th>
        <Th>Opened</Th>
        <Th>Resolved</Th>
      </THead>
      <TBody>
        {ordered.map((i) => (
          <Tr key={i.id} onKeyDown={(e) => e.key === "Enter" && e.currentTarget.querySelector("a")?.click()}>
            <Td>
              <Link href={`/incidents/${i.id}`} className="font-medium text-accent-700 hover:underline dark:text-accent-300">
                {i.title}
              </Link>
            </Td>
            <Td>
              <IncidentBadges incident={i} />
            </Td>
            <Td className="font-mono text-xs">{i.services.join(", ")}</Td>
            <Td className="tabular-nums">{i.alertIds.length}</Td>
            <Td>
              <RelativeTime at={i.openedAt} />
            </Td>
            <Td>
              <RelativeTime at={i.resolvedAt} never="—" />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
