"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { SchedulesTable } from "@/components/schedules/schedules-table";
import type { ScheduleActions } from "@/components/schedules/types";
import { useSchedules } from "@/components/schedules/use-schedules";
import { RequestCard } from "./request-card";
import type { Abilities, ChangeRequestView, ConfigActions, Selected } from "./types";

interface Props {
  selected: Selected;
  requests: ChangeRequestView[];
  can: Abilities;
  actions: Pick<ConfigActions, "approveRequest" | "rejectRequest" | "reviewRequest">;
  scheduleActions: ScheduleActions;
}

/** Pending change requests with their diffs, break-glass publishes waiting for review, and the document's schedules. */
export function RequestsPanel({ selected, requests, can, actions, scheduleActions }: Props) {
  const pendingRequests = requests.filter((r) => r.status === "pending");
  const unreviewed = requests.filter((r) => r.breakGlass && !r.breakGlass.reviewedAt);
  const settled = requests.filter((r) => r.status !== "pending" && !(r.breakGlass && !r.breakGlass.reviewedAt)).slice(0, 10);
  const schedules = useSchedules(selected.service);
  const ofDocument = (schedules.data?.items ?? []).filter((s) => s.kind === "apply_change_request" && s.environment === selected.environment);
  return (
    <div className="space-y-6">
      <Panel title="Waiting for review" description="Published by break glass; another admin signs each off.">
        {unreviewed.length === 0 ? <EmptyState title="Nothing published by break glass waits for review." /> : unreviewed.map((r) => <ReviewRow key={r.id} request={r} can={can} actions={actions} />)}
      </Panel>
      <Panel title="Pending requests" description="Each shows what it changes against the current version, so you approve exactly what will be published.">
        {pendingRequests.length === 0 ? (
          <EmptyState title="No change request waits.">Under a policy with approvals, a publish lands here first.</EmptyState>
        ) : (
          pendingRequests.map((r) => <RequestCard key={`${r.id}:${r.revision}`} request={r} can={can} actions={actions} scheduleActions={scheduleActions} />)
        )}
      </Panel>
      <Panel title="Scheduled applies">
        {schedules.error && <ErrorState title="The schedules could not be loaded.">{schedules.error.message}</ErrorState>}
        <SchedulesTable label="Scheduled applies" schedules={ofDocument} canCancel={() => can.edit} actions={can.edit ? scheduleActions : null} empty="No change request of this document is scheduled." />
      </Panel>
      {settled.length > 0 && (
        <Panel title="Recently settled">
          <ul className="space-y-1 text-sm">
            {settled.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                <Badge tone={r.status === "applied" ? "green" : r.status === "stale" ? "amber" : "neutral"}>{r.breakGlass ? "break glass" : r.status}</Badge>#{r.id} {r.message}
                <span className="text-zinc-500 dark:text-zinc-400">
                  {r.appliedVersion ? `as version ${r.appliedVersion}` : r.rejectReason ? `: ${r.rejectReason}` : ""} · {r.decidedBy ?? r.author}, <RelativeTime at={r.decidedAt ?? r.updatedAt} />
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </div>
  );
}

function ReviewRow({ request, can, actions }: { request: ChangeRequestView; can: Abilities; actions: Pick<ConfigActions, "reviewRequest"> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const review = () =>
    start(async () => {
      const result = await actions.reviewRequest({ id: request.id });
      if (!result.ok) return setError(result.error);
      setAsking(false);
    });
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-900/60 dark:bg-amber-950/40" aria-label={`Break glass ${request.id}`}>
      <Badge tone="amber" dot>
        Unreviewed
      </Badge>
      <span>
        Version {request.appliedVersion} by {request.author}, <RelativeTime at={request.createdAt} />: {request.breakGlass?.reason}
      </span>
      {can.edit && request.author !== can.me && (
        <Button size="sm" onClick={() => (setError(null), setAsking(true))}>
          Sign off
        </Button>
      )}
      <ConfirmDialog open={asking} title={`Sign off break glass #${request.id}?`} confirmLabel="Sign off" pending={pending} error={error} onConfirm={review} onCancel={() => setAsking(false)}>
        You have looked at version {request.appliedVersion} and why the glass was broken; the sign-off is audited.
      </ConfirmDialog>
    </div>
  );
}
