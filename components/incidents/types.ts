import type { ActionResult } from "@/components/ui/action-result";
import type { AlertContext as DomainContext } from "@/lib/domain/alerts/alert-context";
import type { SuggestedAction as DomainSuggestedAction } from "@/lib/domain/alerts/suggested-actions";
import type { IncidentEntry as DomainIncidentEntry } from "@/lib/domain/incidents/incident-timeline";
import type { IncidentView } from "@/lib/domain/incidents/list-incidents";
import type { AsJson } from "@/lib/json";

export type { Role } from "@/lib/domain/access/roles";

/** A change of an alert's service, as `GET /api/v1/alerts/{id}/context` gives it. */
export type AlertChange = AsJson<DomainContext["changes"][number]>;
export type SuggestedAction = AsJson<DomainSuggestedAction>;
export type AlertContext = AsJson<DomainContext>;

export type SendFix = (action: SuggestedAction) => Promise<ActionResult<unknown>>;

export type IncidentItem = AsJson<IncidentView>;
export type IncidentEntry = AsJson<DomainIncidentEntry>;

export interface IncidentDetail extends IncidentItem {
  alerts: { id: number; name: string; severity: string; status: string; startsAt: string }[];
  timeline: IncidentEntry[];
}

export const actionLabel = (a: SuggestedAction) =>
  a.kind === "flip_mode" ? `Flip to ${a.mode}` : a.kind === "force_breaker" ? `Force ${a.breaker} open` : `Roll back ${a.environment} to v${a.toVersion}`;

