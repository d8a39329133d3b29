"use client";

import { useState, useTransition } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatExact, RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TimeUntil } from "@/components/ui/time-until";
import type { ScheduleActions, ScheduleView } from "./types";

const tones: Record<ScheduleView["status"], Tone> = { pending: "accent", applied: "green", suspended: "amber" };

interface Props {
  label: string;
  schedules: ScheduleView[];
  /** Whether the viewer may cancel a pending one of this kind. */
  canCancel: (schedule: ScheduleView) => boolean;
  /** Null for those who may cancel none. */
  actions: Pick<ScheduleActions, "cancelSchedule"> | null;
  empty: string;
}

/** Schedules with what each will do, when, who made it, and why a suspended one did not apply. */
export function SchedulesTable({ label, schedules, canCancel, actions, empty }: Props) {
  const [cancelling, setCancelling] = useState<ScheduleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (schedules.length === 0) return <EmptyState title={empty} />;
  const cancel = () =>
    start(async () => {
      if (!cancelling || !actions) return;
      const result = await actions.cancelSchedule({ id: cancelling.id });
      if (!result.ok) return setError(result.error);
      setCancelling(null);
    });
  return (
    <>
      <Table label={label}>
        <THead>
          <Th>When</Th>
          <Th>Change</Th>
          <Th>Made by</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {schedules.map((s) => (
            <Tr key={s.id}>
              <Td>{s.status === "pending" ? <TimeUntil at={s.at} /> : <RelativeTime at={s.settledAt ?? s.at} />}</Td>
              <Td>{describe(s)}</Td>
              <Td>
                {s.createdBy}, <RelativeTime at={s.createdAt} />
              </Td>
              <Td>
                <Badge tone={tones[s.status]}>{s.status}</Badge>
                {s.suspendedReason && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{s.suspendedReason}</p>}
              </Td>
              <Td>
                {s.status === "pending" && actions && canCancel(s) && (
                  <Button size="sm" onClick={() => (setError(null), setCancelling(s))}>
                    Cancel schedule
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog open={cancelling !== null} title="Cancel this schedule?" confirmLabel="Cancel schedule" pending={pending} error={error} onConfirm={cancel} onCancel={() => setCancelling(null)}>
        {cancelling && <>{describe(cancelling)} will not happen. The audit log keeps the schedule.</>}
      </ConfirmDialog>
    </>
  );
}

function describe(s: ScheduleView): string {
  if (s.kind === "mode_flip") return `Flip ${s.service} to ${s.mode}${s.expiresAt ? ` until ${formatExact(s.expiresAt)}` : ""}: ${s.reason ?? ""}`;
  return `Apply change request #${s.changeRequestId} to ${s.service}/${s.environment}`;
}
