"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Textarea } from "@/components/ui/textarea";
import { reasonProblem } from "@/components/ui/reason";
import type { DecisionDialogProps } from "./types";

/** Ends a manual flip: the service goes back to the mode its instances choose. */
export function ClearDialog({ service, sending, error, onSend, onCancel }: DecisionDialogProps) {
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);

  function confirm() {
    const problem = reasonProblem(reason);
    if (problem) return setInvalid(problem);
    setInvalid(null);
    onSend({ service: service.service, expectedRevision: service.revision, change: { kind: "clear", reason: reason.trim() } });
  }

  return (
    <ConfirmDialog
      open
      title={`Return ${service.service} to automatic`}
      confirmLabel="Return to automatic"
      pending={sending}
      error={invalid ?? error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <div className="space-y-3">
        <p>
          {service.service} leaves <strong>{service.desired.mode}</strong>, flipped by {service.desired.setBy ?? "someone"}, for the mode its instances
          choose themselves, now <strong>{service.automaticMode}</strong>.
        </p>
        <Textarea label="Reason" required minLength={3} maxLength={500} value={reason} disabled={sending} onChange={(event) => setReason(event.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
