import { database } from "@/lib/db/client";
import { checkSession, connectionKind, type ConnectionKind } from "@/lib/db/session-check";
import { processSingleton } from "@/lib/process-singleton";

export const POOLER_MESSAGE =
  "DATABASE_URL goes through a connection pooler in transaction mode, where LISTEN/NOTIFY does not work, so live updates, SDK long-polls and streams would miss changes; point DATABASE_URL at PostgreSQL or at a pooler in session mode (docs/scaling.md)";

interface Verdict {
  kind: ConnectionKind | null;
  checking: boolean;
}

// One check per process.
function verdict(): Verdict {
  return processSingleton("sessionVerdict", (): Verdict => ({ kind: null, checking: false }));
}

/**
 * Checks once, at start, that DATABASE_URL is a session connection, and says so in the log when it
 * is not. A check the database did not answer (it was away) is tried again on the next call.
 */
export function checkConnectionAtStart(): void {
  const v = verdict();
  if (v.kind !== null || v.checking) return;
  v.checking = true;
  checkSession(database().sql)
    .then((evidence) => {
      v.kind = connectionKind(evidence);
      if (v.kind === "transaction pooler") console.error(`Breakwater: ${POOLER_MESSAGE}. /api/ready answers 503 until it does.`);
    })
    .catch(() => {})
    .finally(() => (v.checking = false));
}

/** The verdict so far (null: not known yet), starting a check if none has answered. */
export function connectionVerdict(): ConnectionKind | null {
  checkConnectionAtStart();
  return verdict().kind;
}
