import type { Ctx } from "../context";
import { openControlStream } from "./stream";

/** The HTTP answer of the control stream, the same on the lane and on the console. */
export async function controlStreamResponse(ctx: Ctx, service: string, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const stream = await openControlStream(ctx, service, {
    instance: url.searchParams.get("instance"),
    environment: url.searchParams.get("environment"),
    lastEventId: req.headers.get("last-event-id"),
    signal: req.signal,
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no", "x-request-id": ctx.requestId },
  });
}
