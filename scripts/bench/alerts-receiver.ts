import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monotonicMs } from "./stats";

/** A local webhook receiver standing in for a pager: it notes when each alert name first reaches it. */
export async function startReceiver() {
  const arrivals = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const at = monotonicMs();
      // Both senders put the alerts' labels in the body: Alertmanager as `alerts[].labels`, the console in its webhook JSON.
      for (const [, name] of raw.matchAll(/"alertname":"([^"]+)"/g)) {
        if (arrivals.has(name!)) continue;
        arrivals.set(name!, at);
        waiting.get(name!)?.(at);
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** When an alert of this name first arrived, waiting up to `withinMs` for it; undefined if it never did. */
    arrival(name: string, withinMs: number): Promise<number | undefined> {
      const known = arrivals.get(name);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(name);
          resolve(undefined);
        }, withinMs);
        waiting.set(name, (at) => {
          clearTimeout(timer);
          waiting.delete(name);
          resolve(at);
        });
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
