import type { Db } from "@/lib/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { BoundedCache } from "../bounded-cache";
import { controlState, type ControlState } from "./document";

interface Entry {
  revision: number;
  /** The handle (the pool or a transaction) the read runs on. */
  readBy: Db;
  reading: Promise<ControlState>;
  state: ControlState | null;
}

// One cache per process. The service name comes from a request path, so the cache is bounded: a
// client naming new services only evicts.
const MAX_CACHED_SERVICES = 5000;

/**
 * The control state at `committedRevision`, a revision the caller read as committed. Every change
 * to a document bumps its revision in the same transaction, so a committed revision names exactly
 * one document and a cached copy of it never goes stale: the reports and long-polls of a whole
 * fleet share one read per change, even when a flip wakes hundreds of them at once. A read that
 * finds another revision, or fails, is not kept.
 *
 * A read still in flight is shared only with callers on the same handle. A report's transaction
 * waiting on a read queued for the pool would hold a pooled connection the read may need; a
 * fleet's worth of reports doing that at once took the whole pool and stopped the server.
 */
export function controlStateAt(db: Db, service: string, committedRevision: number): Promise<ControlState> {
  const cache = processSingleton("controlDocuments", () => new BoundedCache<string, Entry>(MAX_CACHED_SERVICES));
  const cached = cache.get(service);
  if (cached?.revision === committedRevision) {
    if (cached.state) return Promise.resolve(cached.state);
    if (cached.readBy === db) return cached.reading.catch(() => controlState(db, service));
    return controlState(db, service);
  }
  const entry: Entry = { revision: committedRevision, readBy: db, reading: controlState(db, service), state: null };
  cache.set(service, entry);
  const forget = () => {
    if (cache.get(service) === entry) cache.delete(service);
  };
  entry.reading.then((state) => (state.document.revision === committedRevision ? (entry.state = state) : forget()), forget);
  return entry.reading;
}
