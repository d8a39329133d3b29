import type { IncomingMessage, ServerResponse } from "node:http";
import { PayloadTooLarge } from "@/lib/domain/errors";
import { MAX_BODY_BYTES, parseJsonBody, refuseDeclaredOver } from "@/lib/http/body";

/**
 * The lane's writes read the node request as it is: building a web Request around it (headers
 * copied, the body wrapped as a web stream) cost more CPU than the rest of a report together.
 */
export function nodeHeaders(req: IncomingMessage): Pick<Headers, "get"> {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * The body as JSON, with `readJson`'s rules and limit. Past the limit the rest is still read and
 * dropped, so the client, still sending, gets the 413 rather than a reset.
 */
export function readNodeJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const headers = nodeHeaders(req);
  refuseDeclaredOver(headers.get("content-length"), limit);
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      over = true;
      chunks = [];
      reject(new PayloadTooLarge(limit));
    });
    req.once("end", () => {
      if (over) return;
      try {
        resolve(parseJsonBody(Buffer.concat(chunks).toString("utf8"), headers.get("content-type")));
      } catch (error) {
        reject(error);
      }
    });
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("the client went away before its body ended"));
    });
  });
}

/** A JSON answer written straight to the socket. */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
