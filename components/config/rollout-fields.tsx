"use client";

import { Input } from "@/components/ui/input";

export interface RolloutDraft {
  steps: string;
  minutes: string;
}

export const noRollout: RolloutDraft = { steps: "", minutes: "" };

/** The draft as a publish's `rollout`, or nothing when no step is given; the console checks the rest and says what is wrong. */
export function rolloutOfDraft(draft: RolloutDraft): { steps: number[]; stepSeconds: number } | undefined {
  if (draft.steps.trim() === "") return undefined;
  const steps = draft.steps.split(/[\s,]+/).filter(Boolean).map(Number);
  return { steps, stepSeconds: Math.round(Number(draft.minutes || "5") * 60) };
}

/** Optional: hand the version out in steps, guarded by the breakers of the instances that take it. */
export function RolloutFields({ draft, onChange }: { draft: RolloutDraft; onChange: (draft: RolloutDraft) => void }) {
  return (
    <>
      <Input label="Rollout steps, % (optional)" placeholder="10, 50, 100" className="w-44" value={draft.steps} onChange={(e) => onChange({ ...draft, steps: e.target.value })} />
      {draft.steps.trim() !== "" && (
        <Input label="Minutes per step" className="w-32" type="number" min={1} placeholder="5" value={draft.minutes} onChange={(e) => onChange({ ...draft, minutes: e.target.value })} />
      )}
    </>
  );
}
