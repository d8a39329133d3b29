"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { Draft } from "./route-edits";
import type { RoutingPreview as Preview } from "./types";

const receivers = (names: string[]) => (names.length === 0 ? "nowhere" : names.join(" and "));

/** Replays the last day's alerts through the draft before it is published (POST /api/v1/routing/preview). */
export function RoutingPreview({ draft, disabled }: { draft: Draft; disabled: boolean }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run() {
    setPending(true);
    const response = await fetch("/api/v1/routing/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tree: draft }) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (Preview & { message?: string }) | null;
    setPending(false);
    if (!response?.ok || !body) return setError(body?.message ?? "The server could not be reached.");
    setError(null);
    setPreview(body);
  }

  return (
    <section aria-label="Routing preview" className="space-y-2">
      <Button onClick={run} disabled={pending || disabled}>
        {pending ? "Replaying…" : `Preview against the last 24 h`}
      </Button>
      <FormError error={error} />
      {preview && (
        <div role="status" className="space-y-1 text-sm">
          <p>
            Of {preview.alerts.toLocaleString()} alert{preview.alerts === 1 ? "" : "s"} in the last {preview.hours} h
            {preview.truncated ? " (the newest only)" : ""},{" "}
            {preview.moved === 0 ? "none would have gone anywhere else." : `${preview.moved.toLocaleString()} would have gone elsewhere:`}
          </p>
          <ul className="list-disc space-y-0.5 pl-5">
            {preview.moves.map((m) => (
              <li key={`${m.from.join()}>${m.to.join()}`}>
                this change would have sent {m.count.toLocaleString()} alert{m.count === 1 ? "" : "s"} to {receivers(m.to)} instead of {receivers(m.from)}
                <span className="text-zinc-500 dark:text-zinc-400"> ({m.examples.join(", ")})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
