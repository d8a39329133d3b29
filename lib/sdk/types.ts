/** The shapes the SDK exchanges with the console, as `../shared/API.md` fixes them. */

export const defaultModes = [
  "normal",
  "reduced_performance",
  "selective_processing",
  "local_queue",
  "memory_constrained",
  "emergency",
] as const;

export type HealthStatus = "healthy" | "degraded" | "unhealthy";

export type BreakerState = "closed" | "open" | "half_open" | "forced_open" | "forced_closed" | "disabled";

export type Override = "forced_open" | "forced_closed" | "none";

/** The transitions a breaker library emits; the SDK sends only the state changes among them. */
export type BreakerEventName = "open" | "half_open" | "close" | "reject" | "failure" | "success" | "timeout" | "fallback";

export interface BreakerSnapshot {
  name: string;
  state: BreakerState;
  failures?: number;
  successes?: number;
  rejects?: number;
  timeouts?: number;
  fallbacks?: number;
  failureRate?: number;
  latencyMs?: { p50: number; p95: number; p99: number };
  since?: string;
  config?: Record<string, unknown>;
}

export interface BreakerEvent {
  service: string;
  instance: string;
  breaker: string;
  event: BreakerEventName;
  at: string;
}

export interface ControlMode {
  desired: string;
  source: "automatic" | "manual";
  reason: string | null;
  setBy: string | null;
  expiresAt: string | null;
}

export interface ControlOverride {
  override: Override;
  reason: string | null;
  expiresAt: string | null;
}

export interface ControlDocument {
  service: string;
  revision: number;
  mode: ControlMode;
  breakers: Record<string, ControlOverride>;
  config: Record<string, { version: number }>;
}

export interface Report {
  service: string;
  instance: string;
  environment: string;
  mode: string;
  automaticMode: string;
  modes: string[];
  health: { status: HealthStatus; checks: Record<string, string> };
  queueDepth?: number;
  configVersion?: number;
  /** The revision of the control document this instance has applied, so the console can tell how far a change has reached. */
  controlRevision?: number;
  breakers: BreakerSnapshot[];
}
