import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Ctx } from "../context";
import { checkPermit } from "../mutation";
import { parseQuery } from "../validation";
import { controlStateAt } from "./cached-document";
import { controlRevision, documentFor, etagOf, type ControlDocument } from "./document";
import { waitForControlChange } from "./long-poll";

export const MAX_WAIT_SECONDS = 60;

const query = z.object({
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).default(0),
  instance: z.string().max(200).optional(),
});

export type ControlRead = { status: 200; document: ControlDocument; etag: string } | { status: 304; etag: string };

/**
 * The control document for a reader: any signed-in person, or a service token whose scope covers
 * the service. With `ifNoneMatch` equal to the current ETag and `wait` seconds, holds until the
 * document changes (200) or the wait ends (304).
 */
export async function readControl(
  database: Db,
  ctx: Ctx,
  service: string,
  request: { query: URLSearchParams; ifNoneMatch: string | null; signal: AbortSignal },
): Promise<ControlRead> {
  if (ctx.actor.kind !== "user") {
    await checkPermit(database, ctx, { action: "read", permit: "service" }, { target: `control:${service}`, service });
  }
  const { wait, instance = null } = parseQuery(query, request.query);
  const revision = await controlRevision(database, service);
  if (!matches(request.ifNoneMatch, etagOf(revision))) return answer(database, service, revision, instance);
  if (wait === 0) return { status: 304, etag: etagOf(revision) };
  const changedTo = await waitForControlChange(service, revision, wait * 1000, request.signal);
  return changedTo === null ? { status: 304, etag: etagOf(revision) } : answer(database, service, changedTo, instance);
}

async function answer(database: Db, service: string, revision: number, instance: string | null): Promise<ControlRead> {
  const document = documentFor(await controlStateAt(database, service, revision), instance);
  return { status: 200, document, etag: etagOf(document.revision) };
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}
