"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { presets, type TimeRange } from "./time-range";

/** `datetime-local` values are local times without a zone; these convert to and from ISO. */
const toLocal = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (local: string) => new Date(local).toISOString();

export function RangePicker({ range, onChange }: { range: TimeRange; onChange: (range: TimeRange) => void }) {
  const [custom, setCustom] = useState(() => {
    const to = new Date().toISOString();
    return { from: toLocal(new Date(Date.now() - 3_600_000).toISOString()), to: toLocal(to) };
  });
  const [editing, setEditing] = useState("from" in range);
  const valid = custom.from !== "" && custom.to !== "" && custom.from < custom.to;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div role="group" aria-label="Time range" className="flex flex-wrap gap-1">
        {presets.map((p) => (
          <Button
            key={p.id}
            size="sm"
            variant={"preset" in range && range.preset === p.id ? "primary" : "secondary"}
            aria-pressed={"preset" in range && range.preset === p.id}
            onClick={() => {
              setEditing(false);
              onChange({ preset: p.id });
            }}
          >
            {p.label}
          </Button>
        ))}
        <Button size="sm" variant={"from" in range ? "primary" : "secondary"} aria-pressed={"from" in range} onClick={() => setEditing(true)}>
          Custom
        </Button>
      </div>
      {editing && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange({ from: fromLocal(custom.from), to: fromLocal(custom.to) });
          }}
        >
          <Input label="From" type="datetime-local" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          <Input label="To" type="datetime-local" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          <Button type="submit" size="md" disabled={!valid}>
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}
