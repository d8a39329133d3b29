import { db } from "@/lib/db/client";
import { readCurrentConfig } from "@/lib/domain/config/read-current";
import { json } from "@/lib/http/respond";
import { serviceReadRoute } from "@/lib/http/route";

// Secrets come as published to a service token and masked to people.
export const GET = serviceReadRoute<{ service: string; environment: string }>(async ({ req, ctx, params }) => {
  const read = await readCurrentConfig(db(), ctx, params, req.headers.get("if-none-match"));
  // The body differs by caller, so no shared cache may keep it.
  const headers = { etag: read.etag, "cache-control": "private, no-cache", "x-request-id": ctx.requestId };
  return read.status === 304 ? new Response(null, { status: 304, headers }) : json(read.config, 200, headers);
});
