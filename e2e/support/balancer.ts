import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A test fixture, not something to run Breakwater behind: a round-robin balancer over `backends`
 * that takes a backend out while its `/api/ready` does not answer 200 (checked every 250 ms), and
 * tries the next one when a backend refuses the connection, which is when nothing of the request
 * reached it. Any other failure reaches the client as a 502 or a cut stream, as from a real
 * balancer; the client retries.
 */
export interface TestBalancer {
  url: string;
  /** Each forwarded request's path and query and the backend that answered it, in order. */
  routed: { path: string; backend: string }[];
  /** Answers the requests `match` picks with 503 and `Retry-After: 1` itself, as a client cut off from every backend, until the returned function is called. */
  refuse(match: (req: IncomingMessage) => boolean): () => void;
  close(): Promise<void>;
}

const CHECK_EVERY_MS = 250;

export async function startBalancer(backends: string[]): Promise<TestBalancer> {
  const healthy = new Set(backends);
  const routed: TestBalancer["routed"] = [];
  const refusals = new Set<(req: IncomingMessage) => boolean>();
  let next = 0;

  const checks = setInterval(() => {
    for (const backend of backends) {
      void fetch(`${backend}/api/ready`, { signal: AbortSignal.timeout(1_000) }).then(
        (res) => (void res.arrayBuffer().catch(() => {}), res.status === 200 ? healthy.add(backend) : healthy.delete(backend)),
        () => healthy.delete(backend),
      );
    }
  }, CHECK_EVERY_MS);

  const candidates = () => {
    const inRotation = backends.filter((b) => healthy.has(b));
    const pool = inRotation.length > 0 ? inRotation : backends;
    const start = next++ % pool.length;
    return [...pool.slice(start), ...pool.slice(0, start)];
  };

  const server = createServer((req, res) => {
    if ([...refusals].some((match) => match(req))) {
      req.resume();
      res.writeHead(503, { "retry-after": "1", "content-type": "application/json" }).end('{"error":"overloaded"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => void forward(req, res, Buffer.concat(chunks), candidates()));
  });

  async function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, order: string[]): Promise<void> {
    const [backend, ...rest] = order;
    if (!backend) {
      res.writeHead(502, { "content-type": "application/json" }).end('{"error":"no_backend"}');
      return;
    }
    // The body is forwarded whole, so it goes with its length whichever way the client sent it.
    const { "transfer-encoding": _chunked, ...headers } = req.headers;
    const upstream = request(new URL(req.url ?? "/", backend), { method: req.method, headers: { ...headers, "content-length": String(body.length) }, agent: false }, (answer) => {
      routed.push({ path: req.url ?? "/", backend });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
      answer.on("aborted", () => res.destroy());
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      if (error.code === "ECONNREFUSED") {
        healthy.delete(backend);
        return void forward(req, res, body, rest);
      }
      res.writeHead(502, { "content-type": "application/json" }).end('{"error":"bad_gateway"}');
    });
    res.on("close", () => upstream.destroy());
    upstream.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    refuse(match) {
      refusals.add(match);
      return () => void refusals.delete(match);
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(checks);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
