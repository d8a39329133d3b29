"use client";

import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Selected } from "./types";
import { useDrift } from "./use-config";

/** Which live instances run the current version, and since when the others lag. */
export function DriftPanel({ selected }: { selected: Selected }) {
  const { data, error } = useDrift(selected);
  if (!data) return error ? <ErrorState title="Drift could not be loaded.">{error.message}</ErrorState> : null;
  if (data.instances.length === 0) {
    return <EmptyState title={`No live instance of ${selected.service} in ${selected.environment}.`}>Instances appear here once they report.</EmptyState>;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="drift-summary">
        <strong>{data.current}</strong> of {data.instances.length} instances run v{data.currentVersion};{" "}
        <strong>{data.lagging}</strong> {data.lagging === 1 ? "lags" : "lag"}.
      </p>
      <Table label="Instances and their config version">
        <THead>
          <Th>Instance</Th>
          <Th>Runs</Th>
          <Th>Lagging since</Th>
          <Th>Last report</Th>
        </THead>
        <TBody>
          {data.instances.map((i) => (
            <Tr key={i.instance}>
              <Td className="font-mono text-xs">{i.instance}</Td>
              <Td>
                <Badge tone={i.configVersion === data.currentVersion ? "green" : "amber"} dot>
                  {i.configVersion === null ? "none" : `v${i.configVersion}`}
                </Badge>
              </Td>
              <Td>{i.laggingSince ? <RelativeTime at={i.laggingSince} /> : "—"}</Td>
              <Td>
                <RelativeTime at={i.lastSeen} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
