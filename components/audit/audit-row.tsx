"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Tr } from "@/components/ui/table";
import { AuditDetails } from "./audit-details";
import type { AuditEvent } from "./types";

const COLUMNS = 8;

/** One event; Enter on the focused row, or the Details button, shows its before and after. */
export function AuditRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-${event.id}-details`;
  return (
    <>
      <Tr
        onKeyDown={(e) => {
          if (e.key === "Enter" && e.target === e.currentTarget) setOpen(!open);
        }}
      >
        <Td>
          <RelativeTime at={event.at} />
        </Td>
        <Td className="max-w-56 truncate" title={event.tokenName ? `${event.actor} with the token ${event.tokenName} (${event.tokenId})` : event.actor}>
          {event.actor}
          {event.tokenName && <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">token {event.tokenName}</span>}
        </Td>
        <Td className="text-zinc-500 dark:text-zinc-400">{event.role ?? "—"}</Td>
        <Td>
          <code className="font-mono text-xs">{event.action}</code>
        </Td>
        <Td className="max-w-56 truncate font-mono text-xs" title={event.target ?? undefined}>
          {event.target ?? "—"}
        </Td>
        <Td>
          {event.outcome === "ok" ? <Badge>ok</Badge> : <Badge tone="red">denied</Badge>}
          {event.count > 1 && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">×{event.count}</span>}
        </Td>
        <Td className="max-w-64 truncate text-zinc-600 dark:text-zinc-400" title={event.reason ?? undefined}>
          {event.reason ?? ""}
        </Td>
        <Td className="text-right">
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={detailsId} tabIndex={-1} onClick={() => setOpen(!open)}>
            {open ? "Hide" : "Details"}
          </Button>
        </Td>
      </Tr>
      {open && (
        <tr id={detailsId} className="bg-zinc-50 dark:bg-zinc-950/40">
          <td colSpan={COLUMNS} className="px-3 py-2">
            <AuditDetails event={event} />
          </td>
        </tr>
      )}
    </>
  );
}
