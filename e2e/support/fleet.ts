import { get } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { unique } from "./unique";
import { sseReader, type SseEvent } from "./sse";

/**
 * The fleet's and the browsers' side of a rolling restart, as well-behaved clients behave behind
 * a balancer: writes retried after a 5xx or a cut connection, event streams reopened after the
 * last `retry:` hint.
 */

export interface Outcome {
  status: number | "failed";
  attempts: number;
  /** Every answer on the way that was neither a 2xx nor a 503 with Retry-After: a 502, a cut connection, a 503 without the hint. */
  unexpected: string[];
}

/** Sends a write to `baseUrl` until it gets a 2xx (or a 4xx, a failure of the test), waiting a little after each 5xx or cut connection. */
export async function sendUntilAccepted(baseUrl: string, token: string, path: string, body: unknown): Promise<Outcome> {
  const unexpected: string[] = [];
  for (let attempts = 1; ; attempts++) {
    const status = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    }).then(
      async (res) => {
        await res.arrayBuffer();
        if (res.status >= 300 && !(res.status === 503 && res.headers.get("retry-after"))) unexpected.push(`${path}: ${res.status}`);
        return res.status;
      },
      (error: Error) => (unexpected.push(`${path}: ${error.message}`), "failed" as const),
    );
    if ((typeof status === "number" && status < 500) || attempts === 20) return { status, attempts, unexpected };
    await sleep(500);
  }
}

/** Reports and alerts of `service`, each kind in its own loop, through `lanesUrl`; `alerts` are the names whose intake answered 202. */
export function fleetTraffic(lanesUrl: string, token: string, service: string) {
  const outcomes: Outcome[] = [];
  const alerts: string[] = [];
  let running = true;
  const loop = async (step: () => Promise<void>) => {
    while (running) {
      await step();
      await sleep(50);
    }
  };
  const loops = [
    loop(async () => void outcomes.push(await sendUntilAccepted(lanesUrl, token, "/api/v1/report", { service, instance: unique("i"), controlRevision: 0 }))),
    loop(async () => {
      const alertname = unique("RollingAlert");
      const outcome = await sendUntilAccepted(lanesUrl, token, "/api/v1/alerts", [{ labels: { alertname, service }, status: "firing" }]);
      outcomes.push(outcome);
      if (outcome.status === 202) alerts.push(alertname);
    }),
  ];
  return {
    outcomes,
    alerts,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** A browser tab's event stream as an EventSource keeps it: when the stream ends it waits the last `retry:` hint and connects again. */
export interface Tab {
  name: string;
  events: SseEvent[];
  opens: number;
  lastHint: number | null;
  close(): void;
}

/** Opens `/api/v1/stream?tab=<name>` on `consolesUrl` with the session `cookie`, again whenever it ends. */
export function openTab(consolesUrl: string, cookie: string): Tab {
  const closed = new AbortController();
  const tab: Tab = { name: unique("tab"), events: [], opens: 0, lastHint: null, close: () => closed.abort() };
  void (async () => {
    while (!closed.signal.aborted) {
      try {
        const res = await fetch(`${consolesUrl}/api/v1/stream?tab=${tab.name}`, { headers: { cookie }, signal: closed.signal });
        if (res.status === 200) {
          tab.opens += 1;
          const stream = sseReader(res);
          try {
            for (;;) tab.events.push(await stream.next());
          } catch {
            tab.lastHint = stream.retry();
          }
        } else {
          await res.arrayBuffer();
        }
        await sleep(tab.lastHint ?? 3_000, undefined, { signal: closed.signal });
      } catch {
        // Closed by the test, or a refused connection: the loop decides.
      }
    }
  })();
  return tab;
}

/** `/api/ready` on a new connection, as a balancer's check would open one: "refused" once the process stopped listening. */
export function readyStatus(url: string): Promise<number | "refused"> {
  return new Promise((resolve) => {
    const req = get(`${url}/api/ready`, { agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve("refused"));
  });
}
