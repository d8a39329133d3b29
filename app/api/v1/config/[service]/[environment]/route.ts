import { currentCtx } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import { readCurrentConfig } from "@/lib/domain/config/read-current";
import { json } from "@/lib/http/respond";
import { publicRoute } from "@/lib/http/route";

// Readable by a service token covering the service (secrets as published) and by any signed-in
// person (secrets masked), which no single role of readRoute expresses; readCurrentConfig checks it.
export const GET = publicRoute<{ service: string; environment: string }>(async ({ req, params }) => {
  const ctx = await currentCtx();
  const read = await readCurrentConfig(db(), ctx, params, req.headers.get("if-none-match"));
  // The body differs by caller (secrets masked for people), so no shared cache may keep it.
  const headers = { etag: read.etag, "cache-control": "private, no-cache", "x-request-id": ctx.requestId };
  return read.status === 304 ? new Response(null, { status: 304, headers }) : json(read.config, 200, headers);
});
