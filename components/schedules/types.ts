import type { ActionResult } from "@/components/ui/action-result";
import type { ScheduleView } from "@/lib/domain/schedules/list";

export type { ScheduleView };

export type ScheduleInput =
  | { kind: "mode_flip"; at: string; service: string; mode: string; reason: string; expiresAt?: string }
  | { kind: "apply_change_request"; at: string; changeRequestId: number };

/** The server actions behind the schedules on the Modes and Config pages. */
export interface ScheduleActions {
  scheduleChange(input: ScheduleInput): Promise<ActionResult<number>>;
  cancelSchedule(input: { id: number }): Promise<ActionResult<null>>;
}

/** A `datetime-local` value (the browser's time zone) as RFC 3339, or null when it is not a time. */
export function localToIso(local: string): string | null {
  const at = Date.parse(local);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}
