"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Textarea } from "@/components/ui/textarea";
import { actionLabel, type AlertContext, type Role, type SendFix, type SuggestedAction } from "@/components/incidents/types";
import { roleAtLeast } from "@/lib/domain/access/roles";

interface Props {
  alertId: number;
  role: Role;
  sendFix: SendFix | null;
}

/** What changed before the alert fired (the last change marked) and the moves that fit it. */
export function AlertContextPanel({ alertId, role, sendFix }: Props) {
  // Every change listed and every action taken is audited, so the audit topic says when to refetch.
  const { data, error } = useLiveQuery<AlertContext>(["audit", "alert-context", alertId], `/api/v1/alerts/${alertId}/context`, { on: ["audit", "breaker"] });
  const [confirming, setConfirming] = useState<SuggestedAction | null>(null);
  if (error) return <ErrorState title="What changed could not be loaded.">{error.message}</ErrorState>;
  if (!data) return null;
  return (
    <>
      <section aria-label="What changed">
        <h3 className="mb-1 text-sm font-semibold">What changed</h3>
        {data.changes.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing changed for this service since 30 min before it fired.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {data.changes.slice(-8).map((c, i) => (
              <li key={`${c.at}-${i}`} data-last-before-firing={c.lastBeforeFiring || undefined}>
                <RelativeTime at={c.at} /> · <span className="font-medium">{c.summary}</span>
                {c.actor && ` by ${c.actor}`}
                {c.lastBeforeFiring && (
                  <>
                    {" "}
                    <Badge tone="amber">last change before firing</Badge>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Suggested actions">
        <h3 className="mb-1 text-sm font-semibold">Suggested actions</h3>
        {data.actions.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No move fits this alert.</p>
        ) : (
          <ul className="space-y-1.5 text-sm">
            {data.actions.map((a) => (
              <li key={actionLabel(a)} className="flex flex-wrap items-center gap-2">
                {sendFix && roleAtLeast(role, a.role) ? (
                  <Button size="sm" onClick={() => setConfirming(a)}>
                    {actionLabel(a)}
                  </Button>
                ) : (
                  <span className="font-medium">{actionLabel(a)}</span>
                )}
                <span className="text-zinc-600 dark:text-zinc-400">{a.effect}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {confirming && sendFix && <ConfirmFix action={confirming} sendFix={sendFix} onDone={() => setConfirming(null)} />}
    </>
  );
}

function ConfirmFix({ action, sendFix, onDone }: { action: SuggestedAction; sendFix: SendFix; onDone: () => void }) {
  const [reason, setReason] = useState(action.reason);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    const result = await sendFix({ ...action, reason });
    setPending(false);
    if (result.ok) onDone();
    else setError(result.error);
  }
  return (
    <ConfirmDialog open title={`${actionLabel(action)}?`} confirmLabel={actionLabel(action)} pending={pending} error={error} onConfirm={() => void confirm()} onCancel={onDone}>
      <p className="mb-2 font-medium text-zinc-800 dark:text-zinc-200">{action.effect}</p>
      <Textarea label="Reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
    </ConfirmDialog>
  );
}
