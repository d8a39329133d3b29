"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { reasonProblem } from "@/components/ui/reason";
import type { ConfigActions, Selected } from "./types";

interface Props {
  selected: Selected;
  toVersion: number;
  currentVersion: number;
  actions: Pick<ConfigActions, "rollback">;
  onClose: () => void;
}

/** Asks for a reason before rolling back; a newer version published meanwhile refuses it rather than being overwritten. */
export function RollbackDialog({ selected, toVersion, currentVersion, actions, onClose }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const problem = reasonProblem(reason);
      if (problem) return setError(problem);
      const result = await actions.rollback({ ...selected, toVersion, reason, expectedVersion: currentVersion });
      if (!result.ok) return setError(result.error);
      if ("conflict" in result.value) return setError(`Version ${result.value.conflict} was published meanwhile; look at it before rolling back.`);
      if ("issues" in result.value) return setError(result.value.issues.map((i) => `${i.path}: ${i.message}`).join(" "));
      onClose();
    });
  return (
    <ConfirmDialog open title={`Roll back to version ${toVersion}?`} confirmLabel="Roll back" pending={pending} error={error} onConfirm={confirm} onCancel={onClose}>
      <div className="space-y-3">
        <p>
          This publishes version {currentVersion + 1} with the body of version {toVersion}; version {currentVersion} stays in the history.
        </p>
        <Input label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. timeouts since v12" />
      </div>
    </ConfirmDialog>
  );
}
