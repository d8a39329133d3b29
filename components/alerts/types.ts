import type { ActionResult } from "@/components/ui/action-result";

export type Severity = "critical" | "warning" | "info";
export type AlertStatus = "firing" | "acknowledged" | "resolved" | "silenced";
export type MatcherOp = "=" | "!=" | "=~" | "!~";

/** An alert as GET /api/v1/alerts sends it. */
export interface AlertItem {
  id: number;
  fingerprint: string;
  status: AlertStatus;
  severity: Severity;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  generatorURL: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  silencedBy: string[] | null;
}

export interface AlertsPage {
  alerts: AlertItem[];
  nextBefore: number | null;
}

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
}

export interface Delivery {
  id: number;
  event: string;
  status: string;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  channel: { id: number | string; name: string; type: string };
  attempts: DeliveryAttempt[];
}

export interface TimelineItem {
  id: number;
  kind: string;
  at: string;
  actor: string | null;
  note: string | null;
  /** For an `action` sent from the alert: what it did. */
  detail: { summary?: unknown } | null;
}

/** GET /api/v1/alerts/{id}. */
export interface AlertDetail extends AlertItem {
  timeline: TimelineItem[];
  deliveries: Delivery[];
}

export interface Matcher {
  label: string;
  op: MatcherOp;
  value: string;
}

export interface Silence {
  id: string;
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  expiredBy: string | null;
  state: "pending" | "active" | "expired";
  matchedAlerts: number;
}

export interface SilencePreview {
  matchesEveryAlert: boolean;
  count: number;
  alerts: AlertItem[];
}

/** The server actions a responder gets; a viewer gets none. */
export interface AlertActions {
  ackAlerts(input: { ids: number[]; note?: string }): Promise<ActionResult<unknown>>;
  resolveAlert(input: { id: number; note?: string }): Promise<ActionResult<unknown>>;
  createSilence(input: { matchers: Matcher[]; endsAt: string; comment: string }): Promise<ActionResult<unknown>>;
  expireSilence(input: { id: string }): Promise<ActionResult<unknown>>;
}

export const alertName = (alert: Pick<AlertItem, "labels">) => alert.labels.alertname ?? "(unnamed)";
