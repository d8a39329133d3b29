"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type SortKey = "severity" | "status" | "startsAt" | "alertname";

/** `null`: newest first. */
export type Sort = { key: SortKey; descending: boolean } | null;

export interface Filters {
  status: string;
  severity: string;
  service: string;
  q: string;
  /** `name=value` pairs; an alert must carry every one. */
  labels: string[];
  sort: Sort;
}

export const noFilters: Filters = { status: "open", severity: "any", service: "", q: "", labels: [], sort: null };

const statuses = ["open", "firing", "acknowledged", "silenced", "resolved", "any"] as const;
const severities = ["any", "critical", "warning", "info"] as const;

/** The list URL for these filters; "any" sends nothing. */
export function alertsUrl(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.status !== "any") params.set("status", filters.status);
  if (filters.severity !== "any") params.set("severity", filters.severity);
  if (filters.service.trim()) params.set("service", filters.service.trim());
  if (filters.q.trim()) params.set("q", filters.q.trim());
  for (const pair of filters.labels) params.append("label", pair);
  if (filters.sort) params.set("sort", `${filters.sort.descending ? "-" : ""}${filters.sort.key}`);
  const query = params.toString();
  return query ? `/api/v1/alerts?${query}` : "/api/v1/alerts";
}

export function AlertFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <Select label="Status" options={statuses} value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })} />
        <Select label="Severity" options={severities} value={value.severity} onChange={(e) => onChange({ ...value, severity: e.target.value })} />
        <Input label="Service" value={value.service} onChange={(e) => onChange({ ...value, service: e.target.value })} />
        <Input label="Search" type="search" placeholder="labels, annotations, fingerprint" value={value.q} onChange={(e) => onChange({ ...value, q: e.target.value })} />
        <LabelFilterInput onAdd={(pair) => onChange({ ...value, labels: [...new Set([...value.labels, pair])] })} />
      </div>
      {value.labels.length > 0 && (
        <ul aria-label="Label filters" className="flex flex-wrap gap-2">
          {value.labels.map((pair) => (
            <li key={pair} className="flex items-center gap-1 rounded bg-zinc-100 py-0.5 pl-2 font-mono text-xs dark:bg-zinc-800">
              {pair}
              <Button size="sm" variant="ghost" aria-label={`Remove label filter ${pair}`} onClick={() => onChange({ ...value, labels: value.labels.filter((p) => p !== pair) })}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** `name=value`, added with Enter. */
function LabelFilterInput({ onAdd }: { onAdd: (pair: string) => void }) {
  const [draft, setDraft] = useState("");
  const valid = /^[^=\s][^=]*=.+/.test(draft.trim());
  return (
    <Input
      label="Label"
      placeholder="name=value, then Enter"
      value={draft}
      aria-invalid={draft.trim() !== "" && !valid}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== "Enter" || !valid) return;
        e.preventDefault();
        onAdd(draft.trim());
        setDraft("");
      }}
    />
  );
}
