import { bearerOf } from "@/lib/auth/tokens";
import type { Ctx } from "@/lib/domain/context";
import { CONTROL_STREAM_HEADERS, MAX_UNREAD_BYTES, openControlStream, type ControlStreamRequest } from "@/lib/domain/control/stream";

/** What a control stream's request asks for, from its URL and headers, the same on the lane and on the console. */
export function controlStreamRequest(url: URL, headers: Pick<Headers, "get">, signal: AbortSignal): ControlStreamRequest {
  return {
    instance: url.searchParams.get("instance"),
    environment: url.searchParams.get("environment"),
    lastEventId: headers.get("last-event-id"),
    bearer: bearerOf(headers.get("authorization")),
    signal,
  };
}

/** The console route's answer: the control stream as a web stream, which Next.js pulls from. */
export async function controlStreamResponse(ctx: Ctx, service: string, req: Request): Promise<Response> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let close = () => {};
  // Counted in bytes, so the queue's desired size is minus the bytes the reader has not taken.
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c), cancel: () => close() }, new ByteLengthQueuingStrategy({ highWaterMark: 0 }));
  const aborted = new AbortController();
  close = () => aborted.abort();
  await openControlStream(ctx, service, controlStreamRequest(new URL(req.url), req.headers, AbortSignal.any([req.signal, aborted.signal])), () => ({
    write(chunk) {
      try {
        controller.enqueue(chunk);
      } catch {
        return false; // Closed by the reader going away.
      }
      return -(controller.desiredSize ?? 0) <= MAX_UNREAD_BYTES;
    },
    end() {
      try {
        controller.close();
      } catch {
        // Already closed by the reader going away.
      }
    },
    destroy() {
      controller.error(new Error("The control stream's reader fell too far behind."));
    },
  }));
  return new Response(body, { headers: { ...CONTROL_STREAM_HEADERS, "x-request-id": ctx.requestId } });
}
