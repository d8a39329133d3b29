"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { TimeUntil } from "@/components/ui/time-until";
import { describeMatcher } from "@/lib/domain/routing/describe-matcher";
import type { AlertActions, Silence } from "./types";

const describe = (s: Silence) => s.matchers.map(describeMatcher).join(", ");

// Creating or expiring a silence changes the alerts it covers, so the `alert` topic announces it.
export function SilencesList({ expireSilence }: { expireSilence: AlertActions["expireSilence"] | null }) {
  const { data } = useLiveQuery<{ silences: Silence[] }>(["silences"], "/api/v1/silences", { on: ["silence", "alert"] });
  const [expiring, setExpiring] = useState<Silence | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const silences = data?.silences ?? [];

  async function expire() {
    if (!expiring || !expireSilence) return;
    setPending(true);
    const result = await expireSilence({ id: expiring.id });
    setPending(false);
    if (result.ok) setExpiring(null);
    else setError(result.error);
  }

  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold">Silences</h2>
      {silences.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No silence is active or expired in the last day.</p>
      ) : (
        <Table label="Silences">
          <THead>
            <Th>Matchers</Th>
            <Th>State</Th>
            <Th>Ends</Th>
            <Th>Alerts</Th>
            <Th>Comment</Th>
            <Th>By</Th>
            {expireSilence && <Th />}
          </THead>
          <TBody>
            {silences.map((s) => (
              <Tr key={s.id} aria-label={`silence ${describe(s)}`}>
                <Td className="font-mono text-xs">{describe(s)}</Td>
                <Td>{s.state}</Td>
                <Td>{s.state === "expired" ? <RelativeTime at={s.endsAt} /> : <TimeUntil at={s.endsAt} />}</Td>
                <Td>{s.matchedAlerts}</Td>
                <Td>{s.comment}</Td>
                <Td>{s.createdBy}</Td>
                {expireSilence && (
                  <Td>
                    {s.state !== "expired" && (
                      <Button size="sm" onClick={() => setExpiring(s)}>
                        Expire
                      </Button>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={expiring !== null}
        title="Expire this silence?"
        confirmLabel="Expire"
        pending={pending}
        error={error}
        onConfirm={expire}
        onCancel={() => {
          setExpiring(null);
          setError(null);
        }}
      >
        {expiring && `The alerts matching ${describe(expiring)} will notify again.`}
      </ConfirmDialog>
    </section>
  );
}
