import { db } from "@/lib/db/client";
import { checkPermit, type Verb } from "@/lib/domain/mutation";
import { errorResponse } from "@/lib/http/respond";
import { laneCtx } from "./caller";
import { writeWebResponse } from "./node-adapter";
import { nodeHeaders, readNodeJson, writeJson } from "./node-request";
import type { LaneHandler } from "./router";

/** The lane's twin of `writeRoute`: the caller is checked before the body is read, then the verb runs. */
export function writeEndpoint<O>(verb: Verb<O>, status = 200): LaneHandler {
  return async ({ req, res }) => {
    const ctx = await laneCtx(nodeHeaders(req));
    try {
      await checkPermit(db(), ctx, verb, { target: null, service: null });
      const body = await readNodeJson(req);
      writeJson(res, status, await verb(ctx, body), { "x-request-id": ctx.requestId });
    } catch (error) {
      await writeWebResponse(res, errorResponse(error, ctx.requestId));
    }
  };
}
