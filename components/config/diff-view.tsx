"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { ChangesTable } from "./changes-table";
import { documentTopic, documentUrl, type Selected, type VersionDiff, type VersionsPage } from "./types";

interface Props {
  selected: Selected;
  page: VersionsPage;
  compare: { from: number; to: number } | null;
  onCompare: (compare: { from: number; to: number }) => void;
}

/** A structural diff between any two versions, by default the current one against the one before. */
export function DiffView({ selected, page, compare, onCompare }: Props) {
  if (page.currentVersion === 0) return <EmptyState title="Nothing published yet.">Publish a first version to compare versions.</EmptyState>;
  const pair = compare ?? { from: page.currentVersion - 1, to: page.currentVersion };
  const options = [...page.versions.map((v) => String(v.version)), "0"];
  return (
    <div className="space-y-3">
      <div className="flex items-end gap-3">
        <Select label="From version" value={String(pair.from)} options={options} onChange={(e) => onCompare({ ...pair, from: Number(e.target.value) })} />
        <Select label="To version" value={String(pair.to)} options={options.filter((o) => o !== "0")} onChange={(e) => onCompare({ ...pair, to: Number(e.target.value) })} />
      </div>
      <Changes selected={selected} from={pair.from} to={pair.to} />
    </div>
  );
}

function Changes({ selected, from, to }: { selected: Selected; from: number; to: number }) {
  const diff = useLiveQuery<VersionDiff>(["config", "diff", selected.service, selected.environment, from, to], `${documentUrl(selected)}/diff?from=${from}&to=${to}`, { on: [documentTopic(selected)] });
  if (diff.error) return <ErrorState title="The diff could not be loaded.">{diff.error.message}</ErrorState>;
  if (!diff.data) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Comparing…</p>;
  return <ChangesTable changes={diff.data.changes} />;
}
