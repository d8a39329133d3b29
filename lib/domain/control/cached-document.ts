import type { Db } from "@/lib/db/client";
import { BoundedCache } from "../bounded-cache";
import { controlDocument, type ControlDocument } from "./document";

interface Entry {
  revision: number;
  /** The handle (the pool or a transaction) the read runs on. */
  readBy: Db;
  reading: Promise<ControlDocument>;
  document: ControlDocument | null;
}

// One cache per process even when Next.js loads this module in several bundles. The service name
// comes from a request path, so the cache is bounded: a client naming new services only evicts.
const slot = globalThis as typeof globalThis & { __breakwaterControlDocuments?: BoundedCache<string, Entry> };
const MAX_CACHED_SERVICES = 5000;

/**
 * The control document at `committedRevision`, a revision the caller read as committed. Every change
 * to a document bumps its revision in the same transaction, so a committed revision names exactly
 * one document and a cached copy of it never goes stale: the reports and long-polls of a whole
 * fleet share one read per change, even when a flip wakes hundreds of them at once. A read that
 * finds another revision, or fails, is not kept.
 *
 * A read still in flight is shared only with callers on the same handle. A report's transaction
 * waiting on a read queued for the pool would hold a pooled connection the read may need; a
 * fleet's worth of reports doing that at once took the whole pool and stopped the server.
 */
export function controlDocumentAt(db: Db, service: string, committedRevision: number): Promise<ControlDocument> {
  slot.__breakwaterControlDocuments ??= new BoundedCache(MAX_CACHED_SERVICES);
  const cache = slot.__breakwaterControlDocuments;
  const cached = cache.get(service);
  if (cached?.revision === committedRevision) {
    if (cached.document) return Promise.resolve(cached.document);
    if (cached.readBy === db) return cached.reading.catch(() => controlDocument(db, service));
    return controlDocument(db, service);
  }
  const entry: Entry = { revision: committedRevision, readBy: db, reading: controlDocument(db, service), document: null };
  cache.set(service, entry);
  const forget = () => {
    if (cache.get(service) === entry) cache.delete(service);
  };
  entry.reading.then((document) => (document.revision === committedRevision ? (entry.document = document) : forget()), forget);
  return entry.reading;
}
