"use client";

import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RouteTreeView } from "./route-tree-view";
import type { RoutingTree, VersionsData } from "./types";

interface Props {
  versions: VersionsData["versions"];
  current: number;
  /** For admins: open the editor on an older version, to publish it again. */
  onRestore: ((version: { version: number; tree: RoutingTree }) => void) | null;
}

export function VersionsList({ versions, current, onRestore }: Props) {
  const [shown, setShown] = useState<number | null>(null);
  if (versions.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">None published yet: the default tree is in force (version 0).</p>;
  return (
    <Table label="Routing versions">
      <THead>
        <Th>Version</Th>
        <Th>Published by</Th>
        <Th>When</Th>
        <Th>Routes</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {versions.map((v) => (
          <Fragment key={v.version}>
            <Tr aria-label={`routing version ${v.version}`}>
              <Td className="font-medium">
                {v.version}
                {v.version === current && <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">in force</span>}
              </Td>
              <Td>{v.createdBy}</Td>
              <Td>
                <RelativeTime at={v.createdAt} />
              </Td>
              <Td>{v.tree.routes.length}</Td>
              <Td className="space-x-2 whitespace-nowrap">
                <Button size="sm" variant="ghost" aria-expanded={shown === v.version} onClick={() => setShown(shown === v.version ? null : v.version)}>
                  {shown === v.version ? "Hide" : "Show"}
                </Button>
                {onRestore && v.version !== current && (
                  <Button size="sm" onClick={() => onRestore(v)}>
                    Edit from this version
                  </Button>
                )}
              </Td>
            </Tr>
            {shown === v.version && (
              <tr>
                <td colSpan={5} className="px-3 pb-3">
                  <RouteTreeView tree={v.tree} label={`Tree of version ${v.version}`} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}
