"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { reasonProblem } from "@/components/ui/reason";
import { RelativeTime } from "@/components/ui/relative-time";
import { localToIso, type ScheduleActions } from "@/components/schedules/types";
import { ChangesTable } from "./changes-table";
import type { Abilities, ChangeRequestView, ConfigActions } from "./types";

type Step = null | "approve" | "reject" | "schedule";

interface Props {
  request: ChangeRequestView;
  can: Abilities;
  actions: Pick<ConfigActions, "approveRequest" | "rejectRequest">;
  scheduleActions: Pick<ScheduleActions, "scheduleChange">;
}

/** A pending change request: exactly what it would publish, against the current version, and the approvals so far. */
export function RequestCard({ request, can, actions, scheduleActions }: Props) {
  const [step, setStep] = useState<Step>(null);
  const [reason, setReason] = useState("");
  const [at, setAt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const approved = request.approvals.length;
  const mine = request.author === can.me;
  const approvedByMe = request.approvals.some((a) => a.approver === can.me);
  const stale = request.currentVersion !== request.expectedVersion;
  const lastNeeded = approved + 1 >= request.approvalsRequired;
  const open = (next: Step) => (setError(null), setStep(next));
  const run = (action: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
    start(async () => {
      const result = await action();
      if (!result.ok) return setError(result.error);
      setStep(null);
    });
  const approve = () =>
    start(async () => {
      const result = await actions.approveRequest({ id: request.id });
      if (!result.ok) return setError(result.error);
      if (result.value === "stale") return setError(`Another version landed first; request #${request.id} is stale now and was not applied.`);
      setStep(null);
    });
  const reject = () => {
    const problem = reasonProblem(reason);
    if (problem) return setError(problem);
    run(() => actions.rejectRequest({ id: request.id, reason: reason.trim() }));
  };
  const schedule = () => {
    const when = localToIso(at);
    if (!when) return setError("Pick the date and time to apply it.");
    run(() => scheduleActions.scheduleChange({ kind: "apply_change_request", at: when, changeRequestId: request.id }));
  };
  return (
    <article aria-label={`Change request ${request.id}`} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <strong>#{request.id}</strong>
        <span>{request.message}</span>
        <span className="text-zinc-500 dark:text-zinc-400">
          by {request.author}, <RelativeTime at={request.createdAt} />, on version {request.expectedVersion}
        </span>
        <Badge tone={approved >= request.approvalsRequired ? "green" : "accent"}>
          {approved} of {request.approvalsRequired} approvals
        </Badge>
        {stale && <Badge tone="amber">version {request.currentVersion} landed since: it will go stale</Badge>}
      </header>
      {approved > 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">Approved by {request.approvals.map((a) => a.approver).join(", ")}.</p>}
      <ChangesTable changes={request.changes} />
      {can.edit && (
        <div className="flex flex-wrap gap-2">
          {!mine && !approvedByMe && (
            <Button variant="primary" size="sm" onClick={() => open("approve")}>
              Approve
            </Button>
          )}
          <Button size="sm" onClick={() => open("reject")}>
            {mine ? "Withdraw" : "Reject"}
          </Button>
          <Button size="sm" onClick={() => open("schedule")}>
            Apply at a time
          </Button>
        </div>
      )}
      <ConfirmDialog open={step === "approve"} title={`Approve change request #${request.id}?`} confirmLabel="Approve" pending={pending} error={error} onConfirm={approve} onCancel={() => setStep(null)}>
        {lastNeeded
          ? `Yours is the last approval needed: the changes above are published at once as version ${request.expectedVersion + 1}, unless another version landed first.`
          : `It still needs ${request.approvalsRequired - approved - 1} more approval after yours.`}
      </ConfirmDialog>
      <ConfirmDialog open={step === "reject"} title={`${mine ? "Withdraw" : "Reject"} change request #${request.id}?`} confirmLabel={mine ? "Withdraw" : "Reject"} pending={pending} error={error} onConfirm={reject} onCancel={() => setStep(null)}>
        <Input label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </ConfirmDialog>
      <ConfirmDialog open={step === "schedule"} title={`Apply change request #${request.id} at a time?`} confirmLabel="Schedule" pending={pending} error={error} onConfirm={schedule} onCancel={() => setStep(null)}>
        <div className="space-y-2">
          <p>It applies then if it has its approvals; if the document or the request changes before then, the schedule is suspended instead.</p>
          <Input label="At" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
      </ConfirmDialog>
    </article>
  );
}
