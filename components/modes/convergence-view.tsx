"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Convergence } from "@/lib/domain/modes/types";
import { ModeBadge } from "./mode-badge";

/** How many live instances run the desired mode, and which do not yet. */
export function ConvergenceView({ service, convergence, ladder }: { service: string; convergence: Convergence; ladder: string[] }) {
  const { live, converged, laggards, desired } = convergence;
  const done = live > 0 && converged === live;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">
          <span className={`font-semibold tabular-nums ${done ? "text-green-700 dark:text-green-400" : "text-amber-700 dark:text-amber-400"}`}>
            {converged} / {live} instances
          </span>{" "}
          <span className="text-zinc-600 dark:text-zinc-400">on {desired}</span>
        </p>
        <div
          role="progressbar"
          aria-label={`instances of ${service} on ${desired}`}
          aria-valuemin={0}
          aria-valuemax={live}
          aria-valuenow={converged}
          className="h-1.5 w-32 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className={`h-full ${done ? "bg-green-500" : "bg-amber-500"}`} style={{ width: `${live ? (converged / live) * 100 : 0}%` }} />
        </div>
        {live === 0 && <span className="text-xs text-zinc-500 dark:text-zinc-400">No instance has reported lately.</span>}
      </div>
      {laggards.length > 0 && (
        <Table label={`instances of ${service} not on ${desired}`}>
          <THead>
            <Th>Instance</Th>
            <Th>Runs</Th>
            <Th>Its own choice</Th>
            <Th>Last seen</Th>
          </THead>
          <TBody>
            {laggards.map((l) => (
              <Tr key={l.instance}>
                <Td className="font-mono text-xs">{l.instance}</Td>
                <Td>
                  <ModeBadge mode={l.mode} ladder={ladder} />
                </Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{l.automaticMode ?? "—"}</Td>
                <Td>
                  <RelativeTime at={l.lastSeen} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
