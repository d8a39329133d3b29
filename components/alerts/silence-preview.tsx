"use client";

import { useEffect, useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { alertName, type Matcher, type SilencePreview } from "./types";

/** The open alerts these matchers would silence, asked of the server as the matchers change. */
export function SilencePreviewList({ matchers }: { matchers: Matcher[] }) {
  const settled = useDebounced(JSON.stringify(matchers), 300);
  const [preview, setPreview] = useState<SilencePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/v1/silences/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ matchers: JSON.parse(settled) }), signal: controller.signal })
      .then(async (res) => {
        const body = await res.json().catch(() => null);
        if (!res.ok) throw new Error((body as { message?: string } | null)?.message ?? `The server answered ${res.status}.`);
        setPreview(body as SilencePreview);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [settled]);
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">{error}</p>;
  if (!preview) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Checking which alerts match…</p>;
  return (
    <section aria-label="Silence preview" className="text-sm">
      <p className="font-medium">
        {preview.matchesEveryAlert ? "This would match every alert and will be refused." : `Matches ${preview.count} open alert${preview.count === 1 ? "" : "s"}`}
      </p>
      <ul className="mt-1 max-h-40 overflow-y-auto text-xs text-zinc-600 dark:text-zinc-400">
        {preview.alerts.map((a) => (
          <li key={a.id}>
            {alertName(a)} · {a.labels.service ?? "—"} · {a.status}
          </li>
        ))}
      </ul>
    </section>
  );
}
