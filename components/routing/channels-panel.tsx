"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ChannelForm } from "./channel-form";
import type { Channel, RoutingActions } from "./types";

/** Where a channel sends, without its secrets (they come masked already). */
const target = (c: Channel) => String(c.config.url ?? c.config.webhookUrl ?? (c.config.host ? `${String(c.config.host)}:${String(c.config.port)}` : ""));

export function ChannelsPanel({ channels, actions }: { channels: Channel[]; actions: RoutingActions }) {
  const [form, setForm] = useState<{ editing: Channel | null } | null>(null);
  const failing = channels.filter((c) => c.flagged);
  return (
    <div className="space-y-3">
      {failing.length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-300">
          Failing repeatedly: {failing.map((c) => c.name).join(", ")}. Notifications to {failing.length === 1 ? "it" : "them"} are being retried; check the target.
        </p>
      )}
      {channels.length === 0 ? (
        <EmptyState title="No channel yet.">Until one exists, alerts show in the console only. The default tree names pagerduty, slack and email.</EmptyState>
      ) : (
        <Table label="Channels">
          <THead>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Target</Th>
            <Th>Health</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {channels.map((c) => (
              <Tr key={c.id} aria-label={`channel ${c.name}`}>
                <Td className="font-medium">{c.name}</Td>
                <Td>{c.type}</Td>
                <Td className="max-w-64 truncate font-mono text-xs">{target(c)}</Td>
                <Td>
                  <Health channel={c} />
                </Td>
                <Td>
                  <Button size="sm" onClick={() => setForm({ editing: c })}>
                    Edit
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {form ? (
        <ChannelForm key={form.editing?.id ?? "new"} editing={form.editing} actions={actions} onDone={() => setForm(null)} />
      ) : (
        <Button onClick={() => setForm({ editing: null })}>New channel</Button>
      )}
    </div>
  );
}

function Health({ channel: c }: { channel: Channel }) {
  if (c.flagged) {
    return (
      <div className="space-y-0.5">
        <Badge tone="red" dot>
          failing: {c.consecutiveFailures} in a row
        </Badge>
        {c.lastError && (
          <p className="max-w-64 truncate text-xs text-red-700 dark:text-red-400" title={c.lastError}>
            {c.lastError}
          </p>
        )}
      </div>
    );
  }
  if (c.lastSuccessAt) {
    return (
      <Badge tone="green" dot>
        ok, last sent <RelativeTime at={c.lastSuccessAt} />
      </Badge>
    );
  }
  return <Badge>{c.consecutiveFailures > 0 ? `${c.consecutiveFailures} failed` : "not used yet"}</Badge>;
}
