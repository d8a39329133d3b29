import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestProxy {
  url: string;
  /** Each request's path and query, in arrival order, with when it came (ms since the epoch). */
  seen: { path: string; at: number }[];
  close(): Promise<void>;
}

/**
 * A proxy in front of `target` that forwards every request unchanged, streams included, except
 * those `intercept` answers itself (it returns true then): a proxy that refuses or cuts the
 * control stream, say.
 */
export async function startProxy(target: string, intercept: (req: IncomingMessage, res: ServerResponse) => boolean = () => false): Promise<TestProxy> {
  const seen: TestProxy["seen"] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", at: Date.now() });
    if (intercept(req, res)) return;
    const upstream = request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
