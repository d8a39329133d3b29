"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { VersionEntry } from "@/lib/domain/config/list-versions";
import { RollbackDialog } from "./rollback-dialog";
import type { ConfigActions, Selected, VersionsPage } from "./types";
import { useVersions } from "./use-config";

interface Props {
  selected: Selected;
  page: VersionsPage;
  canRollBack: boolean;
  actions: Pick<ConfigActions, "rollback">;
  onCompare: (from: number, to: number) => void;
}

/** Every version, newest first, with who published it and why; roll back to any earlier one. */
export function HistoryTable({ selected, page: newest, canRollBack, actions, onCompare }: Props) {
  const [target, setTarget] = useState<number | null>(null);
  const [pages, setPages] = useState<number[]>([]);
  const older = useVersions(selected, undefined, pages.at(-1));
  const page = pages.length > 0 && older.data ? { ...older.data, currentVersion: newest.currentVersion } : newest;
  if (page.versions.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing published yet.</p>;
  return (
    <>
      <Table label="Versions">
        <THead>
          <Th>Version</Th>
          <Th>Why</Th>
          <Th>Who</Th>
          <Th>When</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {page.versions.map((v) => (
            <Tr key={v.version}>
              <Td className="tabular-nums">
                <span className="flex items-center gap-1.5">
                  v{v.version}
                  {v.version === page.currentVersion && <Badge tone="green">current</Badge>}
                  {v.rollbackOf !== null && <Badge tone="accent">rollback to v{v.rollbackOf}</Badge>}
                  <BakeBadge bake={v.bake} />
                </span>
              </Td>
              <Td className="max-w-md break-words">{v.message}</Td>
              <Td>{v.author}</Td>
              <Td>
                <RelativeTime at={v.publishedAt} />
              </Td>
              <Td className="text-right whitespace-nowrap">
                <Button size="sm" variant="ghost" onClick={() => onCompare(v.version - 1, v.version)}>
                  Diff
                </Button>
                {canRollBack && v.version < page.currentVersion && (
                  <Button size="sm" onClick={() => setTarget(v.version)}>
                    Roll back to v{v.version}
                  </Button>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <div className="flex gap-2">
        {pages.length > 0 && (
          <Button size="sm" onClick={() => setPages(pages.slice(0, -1))}>
            Newer
          </Button>
        )}
        {page.nextBefore !== null && (
          <Button size="sm" onClick={() => setPages([...pages, page.nextBefore!])}>
            Older
          </Button>
        )}
      </div>
      {target !== null && (
        <RollbackDialog selected={selected} toVersion={target} currentVersion={page.currentVersion} actions={actions} onClose={() => setTarget(null)} />
      )}
    </>
  );
}

function BakeBadge({ bake }: { bake: VersionEntry["bake"] }) {
  if (!bake) return null;
  if (bake.outcome === "rolled_back") {
    return (
      <Badge tone="red" title={bake.endedBy ?? undefined}>
        rolled back{bake.alertName ? ` on ${bake.alertName}` : ""}
      </Badge>
    );
  }
  return <Badge tone={bake.outcome === "running" ? "amber" : "neutral"}>{bake.outcome === "running" ? "baking" : "baked"}</Badge>;
}
