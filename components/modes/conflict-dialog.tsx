"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TimeUntil } from "@/components/ui/time-until";
import type { ControlDocument } from "@/lib/domain/control/document";
import type { Decision } from "./types";

interface Props {
  decision: Decision;
  current: ControlDocument;
  sending: boolean;
  error: string | null;
  onReapply: () => void;
  onCancel: () => void;
}

/** A decision made on an older state: show the newer one, and re-apply only if the operator still wants to. */
export function ConflictDialog({ decision, current, sending, error, onReapply, onCancel }: Props) {
  const { mode } = current;
  const { change } = decision;
  return (
    <ConfirmDialog open title="Someone changed this mode" confirmLabel="Re-apply mine" pending={sending} error={error} onConfirm={onReapply} onCancel={onCancel}>
      <div className="space-y-3">
        <p>
          The control state of {current.service} changed while you were deciding (revision {decision.expectedRevision} → {current.revision}). Yours
          was not applied.
        </p>
        <div aria-label="newer state" className="rounded-md border border-amber-300 bg-amber-50 px-2.5 py-2 text-xs text-zinc-800 dark:border-amber-900 dark:bg-amber-950/40 dark:text-zinc-200">
          <p className="font-medium">Now</p>
          {mode.source === "manual" ? (
            <>
              <p>
                {mode.setBy ?? "Someone"} flipped it to <strong>{mode.desired}</strong>
                {mode.expiresAt ? (
                  <>
                    , expiring <TimeUntil at={mode.expiresAt} />
                  </>
                ) : (
                  ", until cleared"
                )}
                .
              </p>
              {mode.reason && <p className="mt-0.5 break-words">“{mode.reason}”</p>}
            </>
          ) : (
            <p>
              Automatic: <strong>{mode.desired}</strong>, the instances&apos; own choice.
            </p>
          )}
        </div>
        <div className="rounded-md border border-zinc-200 px-2.5 py-2 text-xs dark:border-zinc-700">
          <p className="font-medium">Yours</p>
          <p>{change.kind === "flip" ? <>Flip to <strong>{change.mode}</strong></> : "Return to automatic"}</p>
          <p className="mt-0.5 break-words">“{change.reason}”</p>
        </div>
        <p>Re-apply yours on top of it, or cancel and keep what is there now.</p>
      </div>
    </ConfirmDialog>
  );
}
