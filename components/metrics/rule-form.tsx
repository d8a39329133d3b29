"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { RulePreview } from "@/lib/domain/rules/preview";
import type { RuleView } from "@/lib/domain/rules/rule-view";
import type { ActionResult } from "@/components/ui/action-result";
import { ruleBody, type RuleDraft } from "./rule-draft";
import { RulePreviewChart } from "./rule-preview";

const aggregations = ["avg", "max", "min", "sum", "rate", "p95"] as const satisfies readonly RuleView["aggregation"][];
const comparators = [">", ">=", "<", "<="] as const satisfies readonly RuleView["comparator"][];
const severities = ["critical", "warning", "info"] as const satisfies readonly RuleView["severity"][];

export type SaveRule = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

/** Creates or edits a rule; Preview draws it over the last 24 hours before it is saved. */
export function RuleForm({ initial, save, onDone }: { initial: RuleDraft; save: SaveRule; onDone: () => void }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const field = (key: keyof RuleDraft) => ({ value: String(draft[key] ?? ""), onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  const runPreview = async () => {
    setError(null);
    const res = await fetch("/api/v1/rules/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ruleBody(draft)) });
    const body = (await res.json()) as RulePreview & { issues?: { path: string; message: string }[]; message?: string };
    if (res.ok) setPreview(body);
    else setError(body.issues?.map((i) => `${i.path}: ${i.message}`).join(" ") ?? body.message ?? `The server answered ${res.status}.`);
  };

  return (
    <form
      aria-label={draft.id === undefined ? "New rule" : `Edit rule ${initial.name}`}
      className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const result = await save(ruleBody(draft));
        setPending(false);
        if (result.ok) onDone();
        else setError(result.error);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Input label="Name" required {...field("name")} />
        <Input label="Service" required {...field("service")} />
        <Input label="Metric" required {...field("metric")} />
        <Input label="Tags" hint="name=value, …" {...field("tags")} />
        <Select label="Aggregation" options={aggregations} {...field("aggregation")} />
        <Input label="Window (s)" type="number" min={10} {...field("windowSeconds")} />
        <Select label="Comparator" options={comparators} {...field("comparator")} />
        <Input label="Threshold" type="number" step="any" {...field("threshold")} />
        <Input label="For (s)" type="number" min={0} {...field("forSeconds")} />
        <Select label="Severity" options={severities} {...field("severity")} />
        <Input label="Labels" hint="name=value, …" {...field("labels")} />
        <Input label="Summary" {...field("summary")} />
      </div>
      <FormError error={error} />
      {preview && <RulePreviewChart preview={preview} threshold={Number(draft.threshold)} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save rule"}
        </Button>
        <Button onClick={runPreview}>Preview last 24 h</Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
