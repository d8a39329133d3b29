"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ClearDialog } from "./clear-dialog";
import { ConflictDialog } from "./conflict-dialog";
import { FlipDialog } from "./flip-dialog";
import { ScheduledFlips } from "./scheduled-flips";
import { ServiceModesSection } from "./service-modes-section";
import type { ScheduleActions } from "@/components/schedules/types";
import type { ModeActions, ModesPage } from "./types";
import { useDecisions } from "./use-decisions";
import { useModes } from "./use-modes";

interface Props {
  initialData: ModesPage;
  /** Present for operators and above. */
  actions: ModeActions | null;
  scheduleActions: ScheduleActions | null;
}

export function ModesLive({ initialData, actions, scheduleActions }: Props) {
  const { data, error } = useModes(initialData);
  return (
    <div className="space-y-4">
      {error && <ErrorState title="The modes could not be refreshed.">They show the last data received; it retries by itself.</ErrorState>}
      {data.services.length === 0 ? (
        <EmptyState title="No service has reported yet.">A service declares its modes, mildest first, in its reports; the SDK does it for you.</EmptyState>
      ) : actions ? (
        <OperatorModes data={data} actions={actions} />
      ) : (
        data.services.map((modes) => <ServiceModesSection key={modes.service} modes={modes} />)
      )}
      <ScheduledFlips services={data.services} actions={scheduleActions} />
    </div>
  );
}

function OperatorModes({ data, actions }: { data: ModesPage; actions: ModeActions }) {
  const decisions = useDecisions(actions);
  const { step, sending, error } = decisions;
  return (
    <>
      {data.services.map((modes) => (
        <ServiceModesSection key={modes.service} modes={modes} onFlip={() => decisions.flip(modes)} onClear={() => decisions.clear(modes)} />
      ))}
      {step?.kind === "flip" && (
        <FlipDialog service={step.service} sending={sending} error={error} onSend={decisions.send} onCancel={() => decisions.close("flip")} />
      )}
      {step?.kind === "clear" && (
        <ClearDialog service={step.service} sending={sending} error={error} onSend={decisions.send} onCancel={() => decisions.close("clear")} />
      )}
      {step?.kind === "conflict" && (
        <ConflictDialog
          decision={step.decision}
          current={step.current}
          sending={sending}
          error={error}
          onReapply={decisions.reapply}
          onCancel={() => decisions.close("conflict")}
        />
      )}
    </>
  );
}
