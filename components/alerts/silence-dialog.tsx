"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SilencePreviewList } from "./silence-preview";
import type { AlertActions, Matcher, MatcherOp } from "./types";

const ops = ["=", "!=", "=~", "!~"] as const;
const control = "rounded border border-zinc-300 px-2 font-mono dark:border-zinc-700 dark:bg-zinc-900";
const durations = { "1 h": 1, "2 h": 2, "4 h": 4, "8 h": 8, "24 h": 24, "7 d": 168 } as const;
type Duration = keyof typeof durations;

interface Props {
  initialMatchers: Matcher[];
  createSilence: AlertActions["createSilence"];
  onClose: () => void;
}

/** A new silence: matchers (empty, or prefilled from an alert), a duration, why; with the alerts it would match before saving. */
export function SilenceDialog({ initialMatchers, createSilence, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [matchers, setMatchers] = useState(initialMatchers);
  const [duration, setDuration] = useState<Duration>("2 h");
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // A row whose label is still blank is one being typed, not a matcher yet.
  const complete = matchers.filter((m) => m.label.trim() !== "");
  const change = (i: number, patch: Partial<Matcher>) => setMatchers(matchers.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  async function save() {
    if (comment.trim().length < 3) return setError("Say why, in at least 3 characters.");
    setPending(true);
    const endsAt = new Date(Date.now() + durations[duration] * 3_600_000).toISOString();
    const result = await createSilence({ matchers: complete, endsAt, comment: comment.trim() });
    setPending(false);
    if (result.ok) onClose();
    else setError(result.error);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-2xl rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        New silence
      </h2>
      <fieldset className="mt-3 space-y-1">
        <legend className="text-sm font-medium">Matchers</legend>
        {matchers.map((m, i) => (
          <div key={i} className="flex items-center gap-2 text-sm">
            <input aria-label={`Matcher ${i + 1} label`} placeholder="label" value={m.label} onChange={(e) => change(i, { label: e.target.value })} className={`w-40 ${control}`} />
            <select aria-label={`Matcher ${i + 1} operator`} value={m.op} onChange={(e) => change(i, { op: e.target.value as MatcherOp })} className={control}>
              {ops.map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
            <input aria-label={`Matcher ${i + 1} value`} placeholder="value" value={m.value} onChange={(e) => change(i, { value: e.target.value })} className={`flex-1 ${control}`} />
            <Button size="sm" variant="ghost" aria-label={`Remove matcher ${i + 1}`} onClick={() => setMatchers(matchers.filter((_, j) => j !== i))}>
              Remove
            </Button>
          </div>
        ))}
        <Button size="sm" onClick={() => setMatchers([...matchers, { label: "", op: "=", value: "" }])}>
          Add matcher
        </Button>
      </fieldset>
      <div className="mt-3 grid gap-3">
        <Select label="Duration" options={Object.keys(durations)} value={duration} onChange={(e) => setDuration(e.target.value as Duration)} />
        <Textarea label="Comment" required rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        <SilencePreviewList matchers={complete} />
      </div>
      <FormError error={error} />
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" onClick={save} disabled={pending}>
          Create silence
        </Button>
      </div>
    </dialog>
  );
}
