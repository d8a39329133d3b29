"use client";

import { focusRing } from "@/components/ui/button";
import { Th } from "@/components/ui/table";
import type { Sort, SortKey } from "./alert-filters";

interface Props {
  label: string;
  by: SortKey;
  sort: Sort;
  onSort: (next: Sort) => void;
}

/** A column header that sorts by its column, then reverses; a button, so Tab and Enter reach it. */
export function SortHeader({ label, by, sort, onSort }: Props) {
  const active = sort?.key === by ? sort : null;
  const direction = active ? (active.descending ? "descending" : "ascending") : "none";
  return (
    <Th aria-sort={direction}>
      <button
        type="button"
        className={`inline-flex items-center gap-1 rounded font-medium hover:text-zinc-900 dark:hover:text-zinc-100 ${focusRing}`}
        onClick={() => onSort({ key: by, descending: active ? !active.descending : false })}
      >
        {label}
        <span aria-hidden className="w-2">
          {active ? (active.descending ? "▼" : "▲") : ""}
        </span>
      </button>
    </Th>
  );
}
