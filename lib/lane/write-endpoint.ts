import { db } from "@/lib/db/client";
import { checkPermit, type Verb } from "@/lib/domain/mutation";
import { readJson } from "@/lib/http/body";
import { errorResponse, json } from "@/lib/http/respond";
import { laneCtx } from "./caller";
import type { LaneHandler } from "./router";

/** The lane's twin of `writeRoute`: the caller is checked before the body is read, then the verb runs. */
export function writeEndpoint<O>(verb: Verb<O>, status = 200): LaneHandler {
  return async ({ req }) => {
    const ctx = await laneCtx(req);
    try {
      await checkPermit(db(), ctx, verb, { target: null, service: null });
      const body = await readJson(req);
      return json(await verb(ctx, body), status, { "x-request-id": ctx.requestId });
    } catch (error) {
      return errorResponse(error, ctx.requestId);
    }
  };
}
