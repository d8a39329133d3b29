import "server-only";
import { randomBytes } from "node:crypto";
import type postgres from "postgres";

/** How long a notification may take to reach the LISTEN connection; a session connection delivers it in milliseconds. */
export const NOTIFY_BOUND_MS = 10_000;

export type ConnectionKind = "session" | "transaction pooler";

export interface SessionEvidence {
  /** A NOTIFY sent from the pool reached this process's LISTEN connection within the bound. */
  notified: boolean;
  /** Two queries on one reserved connection ran in the same server backend. */
  sameBackend: boolean;
}

/**
 * Live events, long-poll wake-ups and the delivery worker's wake-up all need LISTEN on a
 * connection that stays the same server session; a pooler in transaction mode hands each
 * transaction to whichever server connection is free, so the notification never comes back.
 */
export function connectionKind(evidence: SessionEvidence): ConnectionKind {
  return evidence.notified && evidence.sameBackend ? "session" : "transaction pooler";
}

/**
 * Gathers the evidence on the database behind `pool`: a LISTEN on `listener` (the same client in
 * production, whose LISTEN runs on its own connection), a NOTIFY from `pool`, and the backend pid
 * of two queries on one reserved connection. Throws when the database does not answer at all.
 */
export async function checkSession(pool: postgres.Sql, listener: postgres.Sql = pool, boundMs = NOTIFY_BOUND_MS): Promise<SessionEvidence> {
  const channel = `breakwater_probe_${randomBytes(6).toString("hex")}`;
  const token = randomBytes(12).toString("hex");
  let heard = () => {};
  const arrived = new Promise<void>((resolve) => (heard = resolve));
  const listening = await listener.listen(channel, (payload) => payload === token && heard());
  try {
    await pool.notify(channel, token);
    let timer: NodeJS.Timeout | undefined;
    const notified = await Promise.race([arrived.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), boundMs)))]);
    clearTimeout(timer);
    return { notified, sameBackend: await sameBackend(pool) };
  } finally {
    await listening.unlisten().catch(() => {});
  }
}

async function sameBackend(pool: postgres.Sql): Promise<boolean> {
  const reserved = await pool.reserve();
  try {
    const [first] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const [second] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    return first!.pid === second!.pid;
  } finally {
    reserved.release();
  }
}
