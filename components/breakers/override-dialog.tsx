"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ExpiryField, noExpiry, resolveExpiry } from "@/components/ui/expiry-field";
import { reasonProblem } from "@/components/ui/reason";
import { Textarea } from "@/components/ui/textarea";
import type { BreakerActions, OverrideChoice, PendingOverride } from "./types";

const wording: Record<OverrideChoice, { title: (name: string) => string; confirm: string; effect: (service: string, breaker: string) => string }> = {
  forced_open: {
    title: (name) => `Force ${name} open`,
    confirm: "Force open",
    effect: (service, breaker) => `Every instance of ${service} rejects its calls through ${breaker} until the override is cleared or expires.`,
  },
  forced_closed: {
    title: (name) => `Force ${name} closed`,
    confirm: "Force closed",
    effect: (service, breaker) => `Every instance of ${service} lets its calls through ${breaker}, failing or not, until the override is cleared or expires.`,
  },
  none: {
    title: (name) => `Clear the override on ${name}`,
    confirm: "Clear override",
    effect: (_service, breaker) => `Each instance's ${breaker} breaker goes back to opening and closing by itself.`,
  },
};

/** Asks why (and until when) before forcing a breaker or clearing the force; the server's refusal shows here. */
export function OverrideDialog({ pending, overrideBreaker, onClose }: { pending: PendingOverride; onClose: () => void } & BreakerActions) {
  const queryClient = useQueryClient();
  const [sending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const [expiry, setExpiry] = useState(noExpiry);
  const [error, setError] = useState<string | null>(null);
  const { service, breaker } = pending.card;
  const words = wording[pending.override];

  function confirm() {
    const problem = reasonProblem(reason);
    if (problem) return setError(problem);
    const expires = pending.override === "none" ? { ok: true as const, expiresAt: null } : resolveExpiry(expiry);
    if (!expires.ok) return setError(expires.error);
    startTransition(async () => {
      const result = await overrideBreaker({ service, breaker, override: pending.override, reason: reason.trim(), expiresAt: expires.expiresAt });
      if (!result.ok) return setError(result.error);
      await queryClient.invalidateQueries({ queryKey: ["breaker"] });
      onClose();
    });
  }

  return (
    <ConfirmDialog open title={words.title(`${service}/${breaker}`)} confirmLabel={words.confirm} pending={sending} error={error} onConfirm={confirm} onCancel={onClose}>
      <div className="space-y-3">
        <p>{words.effect(service, breaker)}</p>
        <Textarea label="Reason" required minLength={3} maxLength={500} value={reason} disabled={sending} onChange={(event) => setReason(event.target.value)} />
        {pending.override !== "none" && <ExpiryField value={expiry} onChange={setExpiry} disabled={sending} />}
      </div>
    </ConfirmDialog>
  );
}
