import type { ActionResult } from "@/components/ui/action-result";

export type Role = "viewer" | "responder" | "operator" | "admin";

/** A change of an alert's service, as `GET /api/v1/alerts/{id}/context` gives it. */
export interface AlertChange {
  at: string;
  kind: "mode" | "override" | "config" | "breaker";
  service: string;
  summary: string;
  actor: string | null;
  reason: string | null;
  auditId: number | null;
  lastBeforeFiring: boolean;
}

interface Common {
  service: string;
  reason: string;
  alertId: number;
  effect: string;
  role: Role;
}

export type SuggestedAction =
  | (Common & { kind: "flip_mode"; mode: string })
  | (Common & { kind: "force_breaker"; breaker: string; override: "forced_open" })
  | (Common & { kind: "rollback_config"; environment: string; toVersion: number; expectedVersion: number });

export interface AlertContext {
  changes: AlertChange[];
  actions: SuggestedAction[];
}

export type SendFix = (action: SuggestedAction) => Promise<ActionResult<unknown>>;

export interface IncidentItem {
  id: number;
  title: string;
  status: "open" | "resolved";
  severity: "critical" | "warning" | "info";
  services: string[];
  openedAt: string;
  resolvedAt: string | null;
  alertIds: number[];
}

export interface IncidentEntry {
  at: string;
  kind: "alert" | "ack" | "resolve" | "breaker" | "mode" | "override" | "config" | "note";
  summary: string;
  actor: string | null;
  reason: string | null;
  alertId: number | null;
  auditId: number | null;
  auditHash: string | null;
}

export interface IncidentDetail extends IncidentItem {
  alerts: { id: number; name: string; severity: string; status: string; startsAt: string }[];
  timeline: IncidentEntry[];
}

export const actionLabel = (a: SuggestedAction) =>
  a.kind === "flip_mode" ? `Flip to ${a.mode}` : a.kind === "force_breaker" ? `Force ${a.breaker} open` : `Roll back ${a.environment} to v${a.toVersion}`;

export const roleOrder: Role[] = ["viewer", "responder", "operator", "admin"];
export const mayRun = (role: Role, needed: Role) => roleOrder.indexOf(role) >= roleOrder.indexOf(needed);
