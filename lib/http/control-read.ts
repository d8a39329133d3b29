import { db } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { readControl } from "@/lib/domain/control/read-control";
import { json } from "./respond";

/** The control document as HTTP, on the console and on the lane alike: an ETag, and a long-poll when asked. */
export async function controlReadResponse(ctx: Ctx, service: string, req: Request): Promise<Response> {
  const read = await readControl(db(), ctx, service, {
    query: new URL(req.url).searchParams,
    ifNoneMatch: req.headers.get("if-none-match"),
    signal: req.signal,
  });
  const headers = { etag: read.etag, "cache-control": "no-cache", "x-request-id": ctx.requestId };
  return read.status === 304 ? new Response(null, { status: 304, headers }) : json(read.document, 200, headers);
}
