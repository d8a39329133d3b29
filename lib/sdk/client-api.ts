import type { ControlPath } from "./control-channel";
import type { BreakerEventName, BreakerSnapshot, ControlDocument, ControlOverride, HealthStatus, Override } from "./types";

export interface BreakwaterClientOptions {
  /** The console's base URL, e.g. `https://breakwater.internal`. */
  url: string;
  /** A service token scoped to this service or to `*`. */
  token: string;
  service: string;
  instance: string;
  environment: string;
  /**
   * How often the instance reports when nothing it shows has changed (ms, default 10 s). A change
   * of a breaker's state, of health, mode, config version or control revision is reported within
   * a second instead; rates and latencies ride along with whichever report goes next.
   */
  heartbeatMs?: number;
  /** How the instance follows its control document: the control stream (default), or the long-poll alone. */
  control?: ControlPath;
  /** The degradation modes this service knows, mildest first. */
  modes?: readonly string[];
  fetch?: typeof fetch;
  /** How long the console may hold a control request open (seconds, at most 60). */
  controlWaitSeconds?: number;
  onError?: (error: unknown, during: Activity) => void;
}

export type Activity = "report" | "control" | "config" | "events" | "listener";

export interface ModeChange {
  mode: string;
  previous: string;
  source: "manual" | "automatic";
  reason: string | null;
  setBy: string | null;
  expiresAt: string | null;
}

/**
 * What a breaker adapter gives the client: its name and its state at report time. Its state
 * changes go through `recordBreakerEvent`, which also reports them within a second.
 */
export interface BreakerSource {
  name: string;
  snapshot(): BreakerSnapshot;
}

export interface BreakwaterClient {
  readonly service: string;
  readonly instance: string;
  /** The mode to run now: the console's manual choice while one holds, else this instance's own. */
  currentMode(): string;
  automaticMode(): string;
  modes(): readonly string[];
  setAutomaticMode(mode: string): void;
  onModeChange(fn: (mode: string, change: ModeChange) => void): () => void;
  onOverride(fn: (breaker: string, override: Override, entry: ControlOverride) => void): () => void;
  onControl(fn: (doc: ControlDocument) => void): () => void;
  overrideOf(breaker: string): ControlOverride;
  control(): ControlDocument | null;
  setHealth(status: HealthStatus, checks?: Record<string, string>): void;
  setQueueDepth(depth: number): void;
  /** The config body of this instance's environment as last applied; null until the first one arrives. */
  config<T extends Record<string, unknown> = Record<string, unknown>>(): T | null;
  /** The config version applied, which reports carry as `configVersion`; null before the first. */
  configVersion(): number | null;
  /** Called with each newly applied config, after the client holds it and before it reports it. */
  onConfigChange(fn: (config: Record<string, unknown>, version: number) => void): () => void;
  addBreaker(source: BreakerSource): () => void;
  recordBreakerEvent(breaker: string, event: BreakerEventName, at?: Date): void;
  /** Reports now; resolves once the console has the report, rejects if it could not be sent. */
  report(): Promise<void>;
  /** Stops every timer and aborts the requests in flight. */
  close(): void;
}
