import type { Db } from "@/lib/db/client";
import { controlDocument, type ControlDocument } from "./document";

interface Entry {
  revision: number;
  document: Promise<ControlDocument>;
}

// One cache per process even when Next.js loads this module in several bundles.
const slot = globalThis as typeof globalThis & { __breakwaterControlDocuments?: Map<string, Entry> };

/**
 * The control document at `committedRevision`, a revision the caller read as committed. Every change
 * to a document bumps its revision in the same transaction, so a committed revision names exactly
 * one document and a cached copy of it never goes stale: the reports and long-polls of a whole
 * fleet share one read per change, even when a flip wakes hundreds of them at once. A read that
 * finds another revision, or fails, is not kept.
 */
export function controlDocumentAt(db: Db, service: string, committedRevision: number): Promise<ControlDocument> {
  slot.__breakwaterControlDocuments ??= new Map();
  const cache = slot.__breakwaterControlDocuments;
  const cached = cache.get(service);
  if (cached?.revision === committedRevision) return cached.document.catch(() => controlDocument(db, service));
  const entry: Entry = { revision: committedRevision, document: controlDocument(db, service) };
  cache.set(service, entry);
  const forget = () => {
    if (cache.get(service) === entry) cache.delete(service);
  };
  entry.document.then((document) => document.revision !== committedRevision && forget(), forget);
  return entry.document;
}
