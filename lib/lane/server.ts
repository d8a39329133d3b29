import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { appendPeer } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/respond";
import { writeWebResponse } from "./node-adapter";
import { writeJson } from "./node-request";
import { laneRoutes } from "./endpoints";
import { router } from "./router";
import { shedder, type SheddingBounds } from "./shedding";

export interface Lane {
  server: Server;
  /** Stops accepting, ends long-lived requests, and resolves once every connection is gone. */
  stop(): Promise<void>;
}

/** The service lane: a bare `node:http` server for the service-facing endpoints, beside Next.js. */
export function createLane(bounds: SheddingBounds): Lane {
  const match = router(laneRoutes);
  const shed = shedder(bounds);
  // The requests open now, each aborted when the lane stops. A set, not listeners on one signal:
  // adding an event listener walks the ones already there, as many as the fleet's open streams.
  const open = new Set<AbortController>();
  const server = createServer((req, res) => {
    appendPeer(req);
    const origin = `http://${req.headers.host ?? "localhost"}`;
    const aborted = new AbortController();
    open.add(aborted);
    res.once("close", () => {
      open.delete(aborted);
      // Only a client gone before the answer ended needs telling: an abort makes a DOMException,
      // and at every report's close that and the listener walk took 6% of the lane's CPU.
      if (!res.writableFinished) aborted.abort();
    });
    void answer(origin, req, res, aborted.signal);
  });

  async function answer(origin: string, req: IncomingMessage, res: ServerResponse, signal: AbortSignal) {
    const pathname = new URL(req.url ?? "/", origin).pathname;
    const found = match(req.method ?? "GET", pathname);
    if (found === null) return writeJson(res, 404, { error: "not_found", message: `No ${pathname} on the service lane.` });
    if (found === "method_not_allowed") return writeJson(res, 405, { error: "method_not_allowed", message: `${req.method} is not served here.` });
    let release = () => {};
    try {
      if (!found.route.unmetered) release = shed.admit(found.route.inFlight);
    } catch (error) {
      req.resume();
      return writeWebResponse(res, errorResponse(error, randomUUID()));
    }
    try {
      await found.route.handle({ req, res, params: found.params, origin, signal }).finally(() => dropUnreadBody(req));
    } catch (error) {
      if (!res.headersSent) await writeWebResponse(res, errorResponse(error, randomUUID()));
      else res.end();
    } finally {
      release();
    }
  }

  return {
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const request of open) request.abort();
        server.closeIdleConnections();
        shed.stop();
      }),
  };
}

/**
 * A handler may answer without reading the whole body (a 503 while the database is away, a refused
 * token). Node drops an unread body by itself only when nothing started reading it; here the web
 * stream did, so the rest would stay in the socket and the client, still sending, would get a reset
 * instead of the answer. The rest is read and dropped, as Node does.
 */
function dropUnreadBody(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners("data");
  req.resume();
}
