"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Modal } from "@/components/ui/modal";
import { Select } from "@/components/ui/select";
import type { ConfigActions, DocumentPolicy, Selected } from "./types";

const approvalsText = (n: number) => (n === 0 ? "publishes apply at once" : `publishes wait for ${n === 1 ? "1 approval" : `${n} approvals`} by other admins`);

/** The document's policy in one line, frozen or not, with its editor for admins. */
export function PolicyLine({ selected, policy, canEdit, actions }: { selected: Selected; policy: DocumentPolicy; canEdit: boolean; actions: Pick<ConfigActions, "savePolicy"> }) {
  const [editing, setEditing] = useState(false);
  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="policy">
      <span>
        Policy: {approvalsText(policy.approvals)}
        {policy.freezeWhileCritical ? "; frozen while a critical alert fires" : ""}.
      </span>
      {policy.frozen && (
        <Badge tone="red" dot>
          Frozen
        </Badge>
      )}
      {canEdit && (
        <Button size="sm" onClick={() => setEditing(true)}>
          Edit policy
        </Button>
      )}
      {editing && <PolicyDialog selected={selected} policy={policy} actions={actions} onClose={() => setEditing(false)} />}
    </span>
  );
}

function PolicyDialog({ selected, policy, actions, onClose }: { selected: Selected; policy: DocumentPolicy; actions: Pick<ConfigActions, "savePolicy">; onClose: () => void }) {
  const [approvals, setApprovals] = useState(String(policy.approvals));
  const [freeze, setFreeze] = useState(policy.freezeWhileCritical);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      const result = await actions.savePolicy({ ...selected, approvals: Number(approvals), freezeWhileCritical: freeze });
      if (!result.ok) return setError(result.error);
      onClose();
    });
  return (
    <Modal open onClose={onClose} title={`Policy of ${selected.service}/${selected.environment}`}>
      <div className="space-y-3 text-sm">
        <Select label="Approvals before a publish applies" options={["0", "1", "2"]} value={approvals} onChange={(e) => setApprovals(e.target.value)} hint="By admins other than the author. Rollbacks and break glass never wait." />
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={freeze} onChange={(e) => setFreeze(e.target.checked)} />
          Freeze while a critical alert of {selected.service} fires (an override with a reason still publishes; rollbacks always do)
        </label>
        <FormError error={error} />
        <div className="flex justify-end gap-2">
          <Button autoFocus onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={save} disabled={pending}>
            Save policy
          </Button>
        </div>
      </div>
    </Modal>
  );
}
