"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ChangesTable } from "./changes-table";
import { documentTopic, documentUrl, type Selected, type VersionDiff } from "./types";

interface Props {
  selected: Selected;
  baseVersion: number;
  currentVersion: number;
  pending: boolean;
  error: string | null;
  onRebase: () => void;
  onCancel: () => void;
}

/** Someone published while you edited: show what they changed, and offer to put your edits on top of it. */
export function ConflictDialog({ selected, baseVersion, currentVersion, pending, error, onRebase, onCancel }: Props) {
  const diff = useLiveQuery<VersionDiff>(
    ["config", "diff", selected.service, selected.environment, baseVersion, currentVersion],
    `${documentUrl(selected)}/diff?from=${baseVersion}&to=${currentVersion}`,
    { on: [documentTopic(selected)] },
  );
  return (
    <ConfirmDialog open title="Changed by someone else" confirmLabel="Rebase onto it" pending={pending} error={error ?? diff.error?.message ?? null} onConfirm={onRebase} onCancel={onCancel}>
      <div className="space-y-3">
        <p>
          Version {currentVersion} was published while you edited version {baseVersion}. Yours was not published. Their change:
        </p>
        {diff.data ? <ChangesTable changes={diff.data.changes} compact /> : <p>Loading their change…</p>}
        <p>Rebase puts your edits on top of version {currentVersion} in the editor, for you to review and publish again.</p>
      </div>
    </ConfirmDialog>
  );
}
