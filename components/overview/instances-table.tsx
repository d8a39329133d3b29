"use client";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { InstanceView } from "@/lib/domain/services/list-services";
import { HealthBadge } from "./health-badge";

export function InstancesTable({ service, instances, isStale }: { service: string; instances: InstanceView[]; isStale: (i: InstanceView) => boolean }) {
  return (
    <Table label={`instances of ${service}`}>
      <THead>
        <Th>Instance</Th>
        <Th>Environment</Th>
        <Th>Health</Th>
        <Th>Mode</Th>
        <Th>Config</Th>
        <Th>Last seen</Th>
      </THead>
      <TBody>
        {instances.map((instance) => {
          const stale = isStale(instance);
          return (
            <Tr key={instance.instance} className={stale ? "text-zinc-500 dark:text-zinc-400" : ""}>
              <Td className="font-mono text-xs">{instance.instance}</Td>
              <Td>{instance.environment}</Td>
              <Td>
                <HealthBadge health={instance.health} stale={stale} title={checksTitle(instance.checks)} />
              </Td>
              <Td>{instance.mode ?? <Missing />}</Td>
              <Td className="tabular-nums">{instance.configVersion === null ? <Missing /> : `v${instance.configVersion}`}</Td>
              <Td>
                <span className="inline-flex items-center gap-2">
                  <RelativeTime at={instance.lastSeen} />
                  {stale && <Badge tone="amber">stale</Badge>}
                </span>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

function Missing() {
  return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
}

function checksTitle(checks: Record<string, string>): string | undefined {
  const entries = Object.entries(checks);
  return entries.length ? entries.map(([name, status]) => `${name}: ${status}`).join("\n") : undefined;
}
