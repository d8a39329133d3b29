import type { ActionResult } from "@/components/ui/action-result";
import type { ControlDocument } from "@/lib/domain/control/document";
import type { ServiceModes } from "@/lib/domain/modes/types";

export interface ModesPage {
  services: ServiceModes[];
}

/** What an operator decided for a service, against the revision the page showed when they began. */
export interface Decision {
  service: string;
  expectedRevision: number;
  change: { kind: "flip"; mode: string; reason: string; expiresAt: string | null } | { kind: "clear"; reason: string };
}

/** A refused decision comes back with the newer control state instead of overwriting it. */
export type Decided = ActionResult<{ conflict: ControlDocument | null }>;

/** The server actions the Modes page hands to its dialogs. */
export interface ModeActions {
  flipMode(input: { service: string; mode: string; reason: string; expiresAt: string | null; expectedRevision: number }): Promise<Decided>;
  returnToAutomatic(input: { service: string; reason: string; expectedRevision: number }): Promise<Decided>;
}

/** Which dialog is open: a flip or a return to automatic being decided, or a conflict to settle. */
export type Step =
  | { kind: "flip"; service: ServiceModes }
  | { kind: "clear"; service: ServiceModes }
  | { kind: "conflict"; decision: Decision; current: ControlDocument };

/** What the flip and return-to-automatic dialogs take: the service as the page showed it when the operator began. */
export interface DecisionDialogProps {
  service: ServiceModes;
  sending: boolean;
  error: string | null;
  onSend: (decision: Decision) => void;
  onCancel: () => void;
}
