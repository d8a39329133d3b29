import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { vouchForClient, type TrustedProxies } from "@/lib/http/client-address";
import { errorResponse, json } from "@/lib/http/respond";
import { toWebRequest, writeWebResponse } from "./node-adapter";
import { laneRoutes } from "./endpoints";
import { router } from "./router";
import { shedder, type SheddingBounds } from "./shedding";

export interface Lane {
  server: Server;
  /** Stops accepting, ends long-lived requests, and resolves once every connection is gone. */
  stop(): Promise<void>;
}

/** The service lane: a bare `node:http` server for the service-facing endpoints, beside Next.js. */
export function createLane(bounds: SheddingBounds, trustedProxies: TrustedProxies = []): Lane {
  const match = router(laneRoutes);
  const shed = shedder(bounds);
  const closing = new AbortController();
  // Every open request listens for the stop and unhooks when it ends; a fleet holds far more than ten.
  setMaxListeners(0, closing.signal);
  const server = createServer((req, res) => {
    vouchForClient(req, trustedProxies);
    const origin = `http://${req.headers.host ?? "localhost"}`;
    const aborted = new AbortController();
    const abort = () => aborted.abort();
    res.once("close", abort);
    closing.signal.addEventListener("abort", abort, { once: true });
    res.once("close", () => closing.signal.removeEventListener("abort", abort));
    void answer(origin, req, res, aborted.signal);
  });

  async function answer(origin: string, req: Parameters<typeof toWebRequest>[0], res: Parameters<typeof writeWebResponse>[0], signal: AbortSignal) {
    const pathname = new URL(req.url ?? "/", origin).pathname;
    const found = match(req.method ?? "GET", pathname);
    if (found === null) return writeWebResponse(res, json({ error: "not_found", message: `No ${pathname} on the service lane.` }, 404));
    if (found === "method_not_allowed") return writeWebResponse(res, json({ error: "method_not_allowed", message: `${req.method} is not served here.` }, 405));
    let release = () => {};
    try {
      if (!found.route.unmetered) release = shed.admit();
    } catch (error) {
      req.resume();
      return writeWebResponse(res, errorResponse(error, randomUUID()));
    }
    try {
      const response = await found.route.handle({ req: toWebRequest(req, origin, signal), params: found.params });
      await writeWebResponse(res, response);
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
        closing.abort();
        server.closeIdleConnections();
        shed.stop();
      }),
  };
}
