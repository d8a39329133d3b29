"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Sort } from "./alert-filters";
import { SortHeader } from "./sort-header";
import { SeverityBadge, StatusBadge } from "./status-badge";
import { alertName, type AlertItem } from "./types";

interface Props {
  alerts: AlertItem[];
  focused: number | null;
  selected: ReadonlySet<number>;
  /** Absent for viewers: they get no selection. */
  onToggle: ((id: number) => void) | null;
  onToggleAll: ((all: boolean) => void) | null;
  onFocus: (id: number) => void;
  onOpen: (id: number) => void;
  sort: Sort;
  onSort: (next: Sort) => void;
}

export function AlertsTable({ alerts, focused, selected, onToggle, onToggleAll, onFocus, onOpen, sort, onSort }: Props) {
  const allSelected = alerts.length > 0 && alerts.every((a) => selected.has(a.id));
  return (
    <Table label="Alerts">
      <THead>
        {onToggleAll && (
          <Th className="w-8">
            <input type="checkbox" aria-label="Select all" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
          </Th>
        )}
        <SortHeader label="Severity" by="severity" sort={sort} onSort={onSort} />
        <SortHeader label="Alert" by="alertname" sort={sort} onSort={onSort} />
        <Th>Service</Th>
        <SortHeader label="Status" by="status" sort={sort} onSort={onSort} />
        <SortHeader label="Started" by="startsAt" sort={sort} onSort={onSort} />
        <Th>Acknowledged by</Th>
      </THead>
      <TBody>
        {alerts.map((alert) => (
          <Tr
            key={alert.id}
            data-alert-id={alert.id}
            aria-label={`alert ${alertName(alert)}`}
            aria-selected={selected.has(alert.id)}
            className={`cursor-pointer ${alert.id === focused ? "bg-accent-50 dark:bg-accent-950/50" : ""}`}
            onFocus={() => onFocus(alert.id)}
            onClick={() => onOpen(alert.id)}
          >
            {onToggle && (
              <Td onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" aria-label={`Select ${alertName(alert)}`} checked={selected.has(alert.id)} onChange={() => onToggle(alert.id)} />
              </Td>
            )}
            <Td>
              <SeverityBadge severity={alert.severity} />
            </Td>
            <Td className="font-medium">
              {alertName(alert)}
              {alert.annotations.summary && <p className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{alert.annotations.summary}</p>}
            </Td>
            <Td>{alert.labels.service ?? "—"}</Td>
            <Td>
              <StatusBadge status={alert.status} />
            </Td>
            <Td>
              <RelativeTime at={alert.startsAt} />
            </Td>
            <Td>{alert.acknowledgedBy ?? "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
