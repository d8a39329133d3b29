"use client";

import { useState, useTransition } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TimeUntil } from "@/components/ui/time-until";
import { RolloutReadings } from "./rollout-readings";
import type { ConfigActions, RolloutAnswer, Selected } from "./types";
import { useRollout } from "./use-rollout";

type Rollout = NonNullable<RolloutAnswer["rollout"]>;
type Move = "advance" | "pause" | "abort";

const statusTone: Record<Rollout["status"], Tone> = {
  running: "accent",
  paused: "amber",
  completed: "green",
  halted: "red",
  aborted: "neutral",
  superseded: "neutral",
};

/** The document's latest rollout, live: its step, who runs which version, the guard's readings, and an admin's moves. */
export function RolloutPanel({ selected, canMove, actions }: { selected: Selected; canMove: boolean; actions: Pick<ConfigActions, "moveRollout"> }) {
  const { data, error } = useRollout(selected);
  const rollout = data?.rollout;
  if (!rollout) return error ? <ErrorState title="The rollout could not be loaded.">{error.message}</ErrorState> : null;
  const active = rollout.status === "running" || rollout.status === "paused";
  return (
    <section aria-label="Rollout" data-testid="rollout-panel" className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      {error && <ErrorState title="The rollout could not be refreshed.">It shows the last data received; it retries by itself.</ErrorState>}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <strong>
          Rollout of v{rollout.version} from v{rollout.fromVersion}
        </strong>
        <span data-testid="rollout-status">
          <Badge tone={statusTone[rollout.status]} dot>
            {rollout.status}
          </Badge>
        </span>
        <Steps rollout={rollout} />
        {rollout.nextStepAt && (
          <span className="text-zinc-500 dark:text-zinc-400">
            next step <TimeUntil at={rollout.nextStepAt} />
          </span>
        )}
        {canMove && active && <Moves selected={selected} rollout={rollout} actions={actions} />}
      </div>
      <p className="text-sm" data-testid="rollout-instances">
        <strong>{rollout.instances.onNewVersion}</strong> of {rollout.instances.live} live instances run v{rollout.version},{" "}
        <strong>{rollout.instances.onOldVersion}</strong> an older version
        {active && (
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            · the step covers {rollout.instances.covered}
          </span>
        )}
        .
      </p>
      {rollout.endReason && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="rollout-end-reason">
          {rollout.endedBy ?? "Someone"} ended it {rollout.endedAt && <RelativeTime at={rollout.endedAt} />}: {rollout.endReason}
        </p>
      )}
      {rollout.readings && <RolloutReadings readings={rollout.readings} guard={rollout.guard} live={active} />}
    </section>
  );
}

function Steps({ rollout }: { rollout: Rollout }) {
  return (
    <ol aria-label="Steps" className="flex items-center gap-1 text-xs">
      {rollout.steps.map((percent, i) => {
        const current = i + 1 === rollout.step;
        return (
          <li key={percent} aria-current={current ? "step" : undefined} className={current ? "font-semibold" : "text-zinc-500 dark:text-zinc-400"}>
            {i > 0 && <span aria-hidden>→ </span>}
            {percent}%
          </li>
        );
      })}
    </ol>
  );
}

function Moves({ selected, rollout, actions }: { selected: Selected; rollout: Rollout; actions: Pick<ConfigActions, "moveRollout"> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const move = (which: Move) =>
    start(async () => {
      const result = await actions.moveRollout({ ...selected, move: which });
      if (!result.ok) return setError(result.error);
      setError(null);
      setAsking(false);
    });
  const last = rollout.step >= rollout.steps.length;
  return (
    <span className="flex items-center gap-2">
      <Button size="sm" onClick={() => move("advance")} disabled={pending}>
        {last ? "Complete" : rollout.status === "paused" ? "Resume to next step" : "Advance"}
      </Button>
      {rollout.status === "running" && (
        <Button size="sm" onClick={() => move("pause")} disabled={pending}>
          Pause
        </Button>
      )}
      <Button size="sm" variant="danger" onClick={() => setAsking(true)} disabled={pending}>
        Abort
      </Button>
      {error && !asking && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
      <ConfirmDialog open={asking} title="Abort the rollout?" confirmLabel="Abort and roll back" pending={pending} error={error} onConfirm={() => move("abort")} onCancel={() => setAsking(false)}>
        Every instance goes back to version {rollout.fromVersion}, through a new version with its body.
      </ConfirmDialog>
    </span>
  );
}
