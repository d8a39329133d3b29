"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ExpiryField, noExpiry, resolveExpiry } from "@/components/ui/expiry-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { reasonProblem } from "@/components/ui/reason";
import type { DecisionDialogProps } from "./types";

/** Choose a mode, say why and until when, and read what will happen before confirming. */
export function FlipDialog({ service, sending, error, onSend, onCancel }: DecisionDialogProps) {
  const ladder = service.declaredModes;
  const [mode, setMode] = useState(() => ladder[Math.min(ladder.indexOf(service.desired.mode) + 1, ladder.length - 1)] ?? ladder[0]!);
  const [reason, setReason] = useState("");
  const [expiry, setExpiry] = useState(noExpiry);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { live } = service.convergence;

  function confirm() {
    const problem = reasonProblem(reason);
    if (problem) return setInvalid(problem);
    const expires = resolveExpiry(expiry);
    if (!expires.ok) return setInvalid(expires.error);
    setInvalid(null);
    onSend({
      service: service.service,
      expectedRevision: service.revision,
      change: { kind: "flip", mode, reason: reason.trim(), expiresAt: expires.expiresAt },
    });
  }

  return (
    <ConfirmDialog open title={`Flip ${service.service}`} confirmLabel="Flip" pending={sending} error={invalid ?? error} onConfirm={confirm} onCancel={onCancel}>
      <div className="space-y-3">
        <Select label="Mode" options={ladder} value={mode} disabled={sending} onChange={(event) => setMode(event.target.value)} hint="Mildest first, as the service declares them." />
        <Textarea label="Reason" required minLength={3} maxLength={500} value={reason} disabled={sending} onChange={(event) => setReason(event.target.value)} />
        <ExpiryField value={expiry} onChange={setExpiry} disabled={sending} />
        <p className="rounded-md bg-zinc-100 px-2.5 py-2 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {service.service} goes from <strong>{service.desired.mode}</strong> ({service.desired.source}) to <strong>{mode}</strong> on{" "}
          {live === 1 ? "its 1 live instance" : `its ${live} live instances`}, {expiry.preset === "no expiry" ? "until someone returns it to automatic" : "until it expires"}.
          Instances waiting on their control document learn of it at once.
        </p>
      </div>
    </ConfirmDialog>
  );
}
