import { currentCtx } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import { readControl } from "@/lib/domain/control/read-control";
import { publicRoute } from "@/lib/http/route";
import { json } from "@/lib/http/respond";

// Readable by any signed-in person and by service tokens covering the service, which no single
// role of readRoute expresses; readControl checks it.
export const GET = publicRoute<{ service: string }>(async ({ req, params }) => {
  const ctx = await currentCtx();
  const url = new URL(req.url);
  const read = await readControl(db(), ctx, params.service, {
    wait: url.searchParams.get("wait"),
    instance: url.searchParams.get("instance"),
    ifNoneMatch: req.headers.get("if-none-match"),
    signal: req.signal,
  });
  const headers = { etag: read.etag, "cache-control": "no-cache", "x-request-id": ctx.requestId };
  return read.status === 304 ? new Response(null, { status: 304, headers }) : json(read.document, 200, headers);
});
