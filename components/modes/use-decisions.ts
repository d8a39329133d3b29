"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import type { ServiceModes } from "@/lib/domain/modes/types";
import type { Decision, ModeActions, Step } from "./types";

export interface Decisions {
  step: Step | null;
  error: string | null;
  sending: boolean;
  flip(service: ServiceModes): void;
  clear(service: ServiceModes): void;
  /** Sends a decision; a stale revision opens the conflict step instead of overwriting. */
  send(decision: Decision): void;
  /** Re-sends the decision in conflict on top of the newer state the operator has now seen. */
  reapply(): void;
  /** Closes the dialog of `kind` unless another step has replaced it meanwhile. */
  close(kind: Step["kind"]): void;
}

export function useDecisions(actions: ModeActions): Decisions {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, startTransition] = useTransition();

  const open = (next: Step | null) => {
    setError(null);
    setStep(next);
  };

  function send(decision: Decision) {
    startTransition(async () => {
      const { change, ...target } = decision;
      const result =
        change.kind === "flip"
          ? await actions.flipMode({ ...target, mode: change.mode, reason: change.reason, expiresAt: change.expiresAt })
          : await actions.returnToAutomatic({ ...target, reason: change.reason });
      if (!result.ok) return setError(result.error);
      const { conflict } = result.value;
      if (conflict) return open({ kind: "conflict", decision, current: conflict });
      open(null);
      await queryClient.invalidateQueries({ queryKey: ["mode"] });
    });
  }

  return {
    step,
    error,
    sending,
    flip: (service) => open({ kind: "flip", service }),
    clear: (service) => open({ kind: "clear", service }),
    send,
    reapply() {
      if (step?.kind === "conflict") send({ ...step.decision, expectedRevision: step.current.revision });
    },
    close(kind) {
      setStep((current) => (current?.kind === kind ? null : current));
    },
  };
}
