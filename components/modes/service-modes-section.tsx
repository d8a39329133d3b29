"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DeliveryLine } from "@/components/ui/delivery-line";
import type { ServiceModes as Modes } from "@/lib/domain/modes/types";
import { ConvergenceView } from "./convergence-view";
import { DesiredSummary } from "./desired-summary";
import { ModeBadge } from "./mode-badge";
import { ModeHistory } from "./mode-history";
import { ModeLadder } from "./mode-ladder";
import { QueueDepthView } from "./queue-depth-view";

const HISTORY_SHOWN = 3;

interface Props {
  modes: Modes;
  /** Present for operators and above; viewers and responders get no controls at all. */
  onFlip?: () => void;
  onClear?: () => void;
}

/** One service: what it should run, whether its instances do, and how it got there. */
export function ServiceModesSection({ modes, onFlip, onClear }: Props) {
  const { service, desired, declaredModes: ladder } = modes;
  const [allHistory, setAllHistory] = useState(false);
  return (
    <section aria-label={`modes ${service}`} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-sm font-semibold">{service}</h2>
            <ModeBadge mode={desired.mode} ladder={ladder} />
            <Badge tone={desired.source === "manual" ? "accent" : "neutral"}>{desired.source}</Badge>
          </div>
          <DesiredSummary desired={desired} />
        </div>
        {onFlip && (
          <div className="flex flex-wrap gap-1.5">
            <Button size="sm" variant="primary" onClick={onFlip}>
              Flip mode
            </Button>
            {desired.source === "manual" && onClear && (
              <Button size="sm" onClick={onClear}>
                Return to automatic
              </Button>
            )}
          </div>
        )}
      </header>

      <ModeLadder ladder={ladder} desired={desired.mode} automatic={modes.automaticMode} />
      <ConvergenceView service={service} convergence={modes.convergence} ladder={ladder} />
      {modes.delivery && <DeliveryLine delivery={modes.delivery} what={`The last change (revision ${modes.delivery.target})`} />}
      {modes.queueDepth && <QueueDepthView depth={modes.queueDepth} />}

      <div className="space-y-2">
        <div className="flex items-center justify-between gap-2">
          <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">History</h3>
          {modes.history.length > HISTORY_SHOWN && (
            <Button size="sm" variant="ghost" aria-expanded={allHistory} onClick={() => setAllHistory(!allHistory)}>
              {allHistory ? "Show fewer" : `Show the latest ${modes.history.length}`}
            </Button>
          )}
        </div>
        <ModeHistory service={service} history={allHistory ? modes.history : modes.history.slice(0, HISTORY_SHOWN)} />
      </div>
    </section>
  );
}
