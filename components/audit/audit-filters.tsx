"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { emptyFilter, type AuditFilterInput } from "./types";

export function AuditFilters({ filter, onChange }: { filter: AuditFilterInput; onChange: (filter: AuditFilterInput) => void }) {
  const field = (key: keyof AuditFilterInput) => ({
    name: key,
    value: filter[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...filter, [key]: event.target.value }),
  });
  const filtered = Object.values(filter).some(Boolean);

  return (
    <form role="search" aria-label="Filter audit events" className="flex flex-wrap items-end gap-2" onSubmit={(event) => event.preventDefault()}>
      <Input label="Actor" placeholder="email or token:name" className="w-48" {...field("actor")} />
      <Input label="Action" placeholder="auth.login or user.*" className="w-40" {...field("action")} />
      <Input label="Target" placeholder="user:…" className="w-40" {...field("target")} />
      <Input label="From" type="datetime-local" className="w-48" {...field("from")} />
      <Input label="To" type="datetime-local" className="w-48" {...field("to")} />
      {filtered && (
        <Button variant="ghost" onClick={() => onChange(emptyFilter)}>
          Clear
        </Button>
      )}
    </form>
  );
}
