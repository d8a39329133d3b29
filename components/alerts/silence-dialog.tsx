"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SilencePreviewList } from "./silence-preview";
import type { AlertActions, Matcher, MatcherOp } from "./types";

const ops = ["=", "!=", "=~", "!~"] as const;
const durations = { "1 h": 1, "2 h": 2, "4 h": 4, "8 h": 8, "24 h": 24, "7 d": 168 } as const;
type Duration = keyof typeof durations;

interface Props {
  initialMatchers: Matcher[];
  createSilence: AlertActions["createSilence"];
  onClose: () => void;
}

/** A new silence: matchers (prefilled from an alert), a duration, why; with the alerts it would match before saving. */
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

  const change = (i: number, patch: Partial<Matcher>) => setMatchers(matchers.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  async function save() {
    if (comment.trim().length < 3) return setError("Say why, in at least 3 characters.");
    setPending(true);
    const endsAt = new Date(Date.now() + durations[duration] * 3_600_000).toISOString();
    const result = await createSilence({ matchers, endsAt, comment: comment.trim() });
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
            <span className="w-40 truncate font-mono">{m.label}</span>
            <select aria-label={`${m.label} operator`} value={m.op} onChange={(e) => change(i, { op: e.target.value as MatcherOp })} className="rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900">
              {ops.map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
            <input aria-label={`${m.label} value`} value={m.value} onChange={(e) => change(i, { value: e.target.value })} className="flex-1 rounded border border-zinc-300 px-2 font-mono dark:border-zinc-700 dark:bg-zinc-900" />
            <Button size="sm" variant="ghost" aria-label={`Remove ${m.label}`} onClick={() => setMatchers(matchers.filter((_, j) => j !== i))}>
              Remove
            </Button>
          </div>
        ))}
      </fieldset>
      <div className="mt-3 grid gap-3">
        <Select label="Duration" options={Object.keys(durations)} value={duration} onChange={(e) => setDuration(e.target.value as Duration)} />
        <Textarea label="Comment" required rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        <SilencePreviewList matchers={matchers} />
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
