"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { useDebounced } from "@/components/ui/use-debounced";
import type { Found } from "@/lib/domain/search/find-anything";
import { goKeys } from "./shortcuts";

interface Target {
  label: string;
  hint: string;
  href: string;
}

function targetsOf(q: string, found: Found | undefined): Target[] {
  const text = q.trim().toLowerCase();
  const pages = goKeys.filter((p) => text !== "" && p.label.toLowerCase().includes(text)).map((p) => ({ label: p.label, hint: "page", href: p.href }));
  if (!found) return pages;
  return [
    ...pages,
    ...found.services.map((s) => ({ label: s.name, hint: `service · ${s.instances} instance${s.instances === 1 ? "" : "s"}`, href: `/metrics/${encodeURIComponent(s.name)}` })),
    ...found.breakers.map((b) => ({
      label: `${b.service} / ${b.breaker}`,
      hint: `breaker · ${b.open > 0 ? `open on ${b.open} of ${b.instances}` : `closed on ${b.instances}`}`,
      href: `/breakers/${encodeURIComponent(b.service)}/${encodeURIComponent(b.breaker)}`,
    })),
    ...found.alerts.map((a) => ({ label: a.name, hint: `${a.severity} alert · ${a.status}${a.service ? ` · ${a.service}` : ""}`, href: `/alerts?alert=${a.id}` })),
  ];
}

/** Ctrl/⌘-K: find a page, service, breaker or open alert by name and go to it, from the keyboard alone. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title="Go to" className="max-w-lg">
      <PaletteSearch onClose={onClose} />
    </Modal>
  );
}

function PaletteSearch({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const settled = useDebounced(q.trim(), 120);
  const { data, isFetching, error } = useQuery<Found>({
    queryKey: ["search", settled],
    enabled: settled !== "",
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/v1/search?${new URLSearchParams({ q: settled })}`, { signal, cache: "no-store" });
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      return (await res.json()) as Found;
    },
    staleTime: 5_000,
  });
  const targets = targetsOf(q, settled === "" ? undefined : data);
  const go = (target: Target | undefined) => {
    if (!target) return;
    onClose();
    router.push(target.href);
  };

  return (
    <div className="space-y-2">
      <input
        autoFocus
        role="combobox"
        aria-expanded={targets.length > 0}
        aria-controls="palette-results"
        aria-activedescendant={targets[active] ? `palette-${active}` : undefined}
        aria-label="Name of a page, service, breaker or alert"
        placeholder="rag-api, openai, HighErrorRate…"
        className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-accent-500/40 dark:border-zinc-700 dark:bg-zinc-900"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, targets.length - 1));
          else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
          else if (e.key === "Enter") go(targets[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-results" role="listbox" aria-label="Matches" className="max-h-80 overflow-y-auto">
        {targets.map((t, i) => (
          <li
            key={`${t.href}`}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(t)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm ${i === active ? "bg-accent-100 dark:bg-accent-950" : ""}`}
          >
            <span className="truncate font-medium">{t.label}</span>
            <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{t.hint}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
        {error ? error.message : q.trim() === "" ? "Type part of a name. ↑ ↓ to choose, Enter to go." : isFetching ? "Searching…" : targets.length === 0 ? "Nothing matches." : `${targets.length} matches`}
      </p>
    </div>
  );
}
