import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { MAX_UNREAD_BYTES, type ControlSink } from "@/lib/domain/control/stream";
import type { LaneHandler, Params } from "./router";

/** A lane handler from one written for web Requests and Responses, as the long-poll and the stream are. */
export function webHandler(handle: (req: Request, params: Params) => Promise<Response>): LaneHandler {
  return async ({ req, res, params, origin, signal }) => {
    const response = await handle(toWebRequest(req, origin, signal), params);
    await writeWebResponse(res, response);
  };
}

/** A web Request for a node request, so the lane reuses `readJson` and its 1 MiB limit unchanged. */
export function toWebRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a web Response to the node response, streaming its body until it ends or the client goes. */
export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
    }
  } catch {
    // The client went away or the stream was cancelled; nothing is left to answer.
  }
  res.end();
}

/**
 * A control stream written straight to the node response: a change's write to every open stream
 * happens in the turn that delivers it, instead of one pull of a web stream per connection.
 */
export function nodeSink(res: ServerResponse, headers: Record<string, string>): ControlSink {
  res.writeHead(200, headers);
  res.flushHeaders();
  return {
    write(chunk) {
      if (res.destroyed || res.writableEnded) return false;
      res.write(chunk);
      return res.writableLength <= MAX_UNREAD_BYTES;
    },
    end: () => void res.end(),
    destroy: () => void res.destroy(),
  };
}
