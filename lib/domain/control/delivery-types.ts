/**
 * How far the last change reached: of the live instances, how many reported applying it, how long
 * after the change the last of them did, and which have not yet (the first few by name).
 */
export interface Delivery {
  /** The control revision or config version that the change made current. */
  target: number;
  changedAt: string;
  live: number;
  reached: number;
  /** From the change to the first report of it by the slowest instance that has one; null when none has. */
  lastAfterMs: number | null;
  pending: string[];
  /** How many live instances have not reported it, `pending` naming at most `PENDING_NAMED` of them. */
  pendingCount: number;
}

export const PENDING_NAMED = 20;
