"use client";

import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RoutingTree, VersionsData } from "./types";

interface Props {
  versions: VersionsData["versions"];
  current: number;
  /** For admins: open the editor on an older version, to publish it again. */
  onRestore: ((version: { version: number; tree: RoutingTree }) => void) | null;
}

export function VersionsList({ versions, current, onRestore }: Props) {
  if (versions.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">None published yet: the default tree is in force (version 0).</p>;
  return (
    <Table label="Routing versions">
      <THead>
        <Th>Version</Th>
        <Th>Published by</Th>
        <Th>When</Th>
        <Th>Routes</Th>
        {onRestore && (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </THead>
      <TBody>
        {versions.map((v) => (
          <Tr key={v.version} aria-label={`routing version ${v.version}`}>
            <Td className="font-medium">
              {v.version}
              {v.version === current && <span className="ml-2 text-xs text-zinc-500">in force</span>}
            </Td>
            <Td>{v.createdBy}</Td>
            <Td>
              <RelativeTime at={v.createdAt} />
            </Td>
            <Td>{v.tree.routes.length}</Td>
            {onRestore && (
              <Td>
                {v.version !== current && (
                  <Button size="sm" onClick={() => onRestore(v)}>
                    Edit from this version
                  </Button>
                )}
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
