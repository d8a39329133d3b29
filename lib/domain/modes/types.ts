import type { Delivery } from "../control/delivery-types";

/** The results of the mode queries, as the Modes page and the API show them. Times are RFC 3339 strings. */

export type ModeSource = "manual" | "automatic";

/** What the service's instances should run: a manual flip while one holds, else the fleet's own choice. */
export interface DesiredMode {
  mode: string;
  source: ModeSource;
  reason: string | null;
  setBy: string | null;
  setAt: string | null;
  expiresAt: string | null;
}

/** A live instance not running the desired mode. */
export interface ModeLaggard {
  instance: string;
  mode: string | null;
  automaticMode: string | null;
  lastSeen: string;
}

export interface Convergence {
  desired: string;
  /** Live (not stale) instances. */
  live: number;
  /** Live instances running the desired mode. */
  converged: number;
  laggards: ModeLaggard[];
}

export interface QueueDepth {
  /** Sum over the live instances that report a depth. */
  total: number;
  instances: { instance: string; depth: number }[];
}

export type ModeChangeSource = "manual" | "automatic" | "expiry";

/** A change of the desired mode; a cleared flip is `manual` with `to` the automatic mode. */
export interface ModeChange {
  id: number;
  service: string;
  from: string | null;
  to: string;
  source: ModeChangeSource;
  reason: string | null;
  actor: string | null;
  at: string;
  expiresAt: string | null;
}

export interface ServiceModes {
  service: string;
  /** The control revision: pass it back as `expectedRevision` when flipping. */
  revision: number;
  /** Mildest first. */
  declaredModes: string[];
  desired: DesiredMode;
  /** The most common automatic choice of the live instances, or `normal`. */
  automaticMode: string;
  convergence: Convergence;
  /** How far the last change of the control document has reached; null before any, or with no live instance. */
  delivery: Delivery | null;
  queueDepth: QueueDepth | null;
  /** The latest changes, newest first. */
  history: ModeChange[];
}
