"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Panel } from "@/components/ui/panel";
import { reasonProblem } from "@/components/ui/reason";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SchedulesTable } from "@/components/schedules/schedules-table";
import { localToIso, type ScheduleActions } from "@/components/schedules/types";
import { useSchedules } from "@/components/schedules/use-schedules";
import type { ServiceModes } from "@/lib/domain/modes/types";

/** Mode flips planned for a time, with the form to plan one (operators) and the ones that applied or were suspended. */
export function ScheduledFlips({ services, actions }: { services: ServiceModes[]; actions: ScheduleActions | null }) {
  const { data, error } = useSchedules();
  const [planning, setPlanning] = useState(false);
  const flips = (data?.items ?? []).filter((s) => s.kind === "mode_flip");
  return (
    <Panel title="Scheduled flips" description="A flip at a time, optionally until a time. If the service's control state changes before then, the flip is suspended rather than applied, and says why.">
      {error && <ErrorState title="The schedules could not be loaded.">{error.message}</ErrorState>}
      {actions && services.length > 0 && (
        <Button size="sm" onClick={() => setPlanning(true)}>
          Schedule a flip
        </Button>
      )}
      {data && <SchedulesTable label="Scheduled flips" schedules={flips} canCancel={() => true} actions={actions} empty="No flip is scheduled." />}
      {planning && actions && <PlanFlip services={services} actions={actions} onClose={() => setPlanning(false)} />}
    </Panel>
  );
}

function PlanFlip({ services, actions, onClose }: { services: ServiceModes[]; actions: ScheduleActions; onClose: () => void }) {
  const [service, setService] = useState(services[0]!.service);
  const ladder = services.find((s) => s.service === service)?.declaredModes ?? [];
  const [mode, setMode] = useState(ladder[1] ?? ladder[0] ?? "");
  const [at, setAt] = useState("");
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const when = localToIso(at);
      if (!when) return setError("Pick the date and time of the flip.");
      const expiresAt = until ? localToIso(until) : null;
      if (until && !expiresAt) return setError("The end is not a date and time.");
      const problem = reasonProblem(reason);
      if (problem) return setError(problem);
      const result = await actions.scheduleChange({ kind: "mode_flip", at: when, service, mode, reason: reason.trim(), ...(expiresAt ? { expiresAt } : {}) });
      if (!result.ok) return setError(result.error);
      onClose();
    });
  return (
    <ConfirmDialog open title="Schedule a flip" confirmLabel="Schedule" pending={pending} error={error} onConfirm={confirm} onCancel={onClose}>
      <div className="space-y-3">
        <Select label="Service" options={services.map((s) => s.service)} value={service} onChange={(e) => (setService(e.target.value), setMode(""))} />
        <Select label="Mode" options={ladder} value={mode || (ladder[0] ?? "")} onChange={(e) => setMode(e.target.value)} />
        <Input label="At" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        <Input label="Until (optional)" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
