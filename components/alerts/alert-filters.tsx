"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface Filters {
  status: string;
  severity: string;
  service: string;
  q: string;
}

export const noFilters: Filters = { status: "open", severity: "any", service: "", q: "" };

const statuses = ["open", "firing", "acknowledged", "silenced", "resolved", "any"] as const;
const severities = ["any", "critical", "warning", "info"] as const;

/** The list URL for these filters; "any" sends nothing. */
export function alertsUrl(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.status !== "any") params.set("status", filters.status);
  if (filters.severity !== "any") params.set("severity", filters.severity);
  if (filters.service.trim()) params.set("service", filters.service.trim());
  if (filters.q.trim()) params.set("q", filters.q.trim());
  const query = params.toString();
  return query ? `/api/v1/alerts?${query}` : "/api/v1/alerts";
}

export function AlertFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Select label="Status" options={statuses} value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value })} />
      <Select label="Severity" options={severities} value={value.severity} onChange={(e) => onChange({ ...value, severity: e.target.value })} />
      <Input label="Service" value={value.service} onChange={(e) => onChange({ ...value, service: e.target.value })} />
      <Input label="Search" type="search" placeholder="labels, annotations, fingerprint" value={value.q} onChange={(e) => onChange({ ...value, q: e.target.value })} />
    </div>
  );
}
