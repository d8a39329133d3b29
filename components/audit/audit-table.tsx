"use client";

import { useState, useTransition } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Table, TBody, Th, THead } from "@/components/ui/table";
import { AuditRow } from "./audit-row";
import type { AuditEvent, AuditPage } from "./types";

/**
 * The newest page stays live; "Load more" appends older pages by `before`. The log is append-only,
 * so an older page never changes; the newest page as it was when more were loaded is kept too, so
 * events pushed off it by newer ones stay in view.
 */
export function AuditTable({ query, initialData }: { query: string; initialData?: AuditPage }) {
  const head = useLiveQuery<AuditPage>(["audit", "events", query], `/api/v1/audit?${query}`, { initialData, on: ["audit"] });
  const [older, setOlder] = useState<{ events: AuditEvent[]; nextBefore: number | null } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  const events = merge(head.data?.events ?? [], older?.events ?? []);
  const nextBefore = older ? older.nextBefore : (head.data?.nextBefore ?? null);

  function loadMore() {
    const before = events.at(-1)?.id;
    if (before === undefined) return;
    startLoading(async () => {
      const response = await fetch(`/api/v1/audit?${query}${query ? "&" : ""}before=${before}`);
      if (!response.ok) return setLoadError(`Loading older events failed (HTTP ${response.status}).`);
      const page = (await response.json()) as AuditPage;
      setLoadError(null);
      setOlder({ events: merge(events, page.events), nextBefore: page.nextBefore });
    });
  }

  if (head.error && !head.data) return <ErrorState title="The audit log could not be loaded.">It retries by itself.</ErrorState>;
  if (!head.data) return <p className="py-6 text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>;
  if (events.length === 0) return <EmptyState title="No audit events match these filters" />;

  return (
    <div className="space-y-3">
      <Table label="Audit events">
        <THead>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Role</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th>Reason</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </THead>
        <TBody>
          {events.map((event) => (
            <AuditRow key={event.id} event={event} />
          ))}
        </TBody>
      </Table>
      {loadError && <ErrorState title={loadError} />}
      {nextBefore !== null && (
        <Button onClick={loadMore} disabled={loading}>
          Load more
        </Button>
      )}
    </div>
  );
}

function merge(...pages: AuditEvent[][]): AuditEvent[] {
  const byId = new Map<number, AuditEvent>();
  for (const event of pages.flat()) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
