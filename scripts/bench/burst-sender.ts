/**
 * A process of the benchmark sending reports open loop at a fixed rate, on kept-alive node:http
 * connections, so that sending does not compete with timing in one event loop. Driven over IPC by
 * overload-burst.ts; answers with every request's status and wait, and its own event-loop delay.
 */
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { burstReport } from "./burst-report";
import { sleep } from "./stats";

export interface Command {
  send: { url: string; token: string; perSecond: number; seconds: number; instances: number; first: number };
}
export type Reply = { sent: { statuses: number[]; waits: number[]; delayP99Ms: number; elapsedMs: number } } | { failed: string };

const TICK_MS = 5;
// A kept-alive connection per instance of the burst's fleet (500 over the senders), as an SDK keeps
// one: opening a connection per request instead overflowed the lane's accept queue, and the
// kernel's SYN retries (1, 3, 7 s) then showed as waits. A request's wait runs from the moment it
// has a connection, so what it queued in this process behind its instance's last one is not counted.
const agent = new http.Agent({ keepAlive: true, maxSockets: 250 });

process.on("message", (command: Command) => {
  void send(command.send).then(
    (sent) => process.send!({ sent } satisfies Reply),
    (error: Error) => process.send!({ failed: error.message } satisfies Reply),
  );
});
process.on("disconnect", () => process.exit(0));

async function send({ url, token, perSecond, seconds, instances, first }: Command["send"]) {
  const statuses: number[] = [];
  const waits: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    for (; sent < due; sent++) {
      const i = (first + sent) % instances;
      inFlight.push(
        post(url, token, burstReport(i)).then(({ status, waitMs }) => {
          statuses.push(status);
          waits.push(waitMs);
        }),
      );
    }
    await sleep(TICK_MS);
  }
  await Promise.all(inFlight);
  delay.disable();
  agent.destroy();
  return { statuses, waits, delayP99Ms: delay.percentile(99) / 1e6, elapsedMs: performance.now() - started };
}

function post(url: string, token: string, body: string): Promise<{ status: number; waitMs: number }> {
  let sentAt = performance.now();
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, waitMs: performance.now() - sentAt });
    const request = http.request(url, { method: "POST", agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }, (response) => {
      response.resume();
      response.on("end", () => done(response.statusCode ?? 0));
      response.on("error", () => done(0));
    });
    request.on("socket", () => (sentAt = performance.now()));
    request.on("error", () => done(0));
    request.end(body);
  });
}
