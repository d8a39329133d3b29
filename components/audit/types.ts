import type { AuditRow } from "@/lib/domain/audit/query";
import type { ChainReport } from "@/lib/domain/audit/verify";
import type { AsJson } from "@/lib/json";

export type AuditEvent = AsJson<AuditRow>;
export interface AuditPage {
  events: AuditEvent[];
  nextBefore: number | null;
}
export type { ChainReport };

export interface AuditFilterInput {
  actor: string;
  action: string;
  target: string;
  /** As typed in a datetime-local input, in the browser's time zone. */
  from: string;
  to: string;
}

export const emptyFilter: AuditFilterInput = { actor: "", action: "", target: "", from: "", to: "" };

/** The API's query string for a filter: empty fields left out, local times sent as UTC instants. */
export function auditQuery(filter: AuditFilterInput): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target"] as const) {
    const value = filter[key].trim();
    if (value) params.set(key, value);
  }
  for (const key of ["from", "to"] as const) {
    const at = filter[key] ? new Date(filter[key]) : null;
    if (at && !Number.isNaN(at.getTime())) params.set(key, at.toISOString());
  }
  return params.toString();
}
