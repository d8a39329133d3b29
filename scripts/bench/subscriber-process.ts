/**
 * A process of the benchmark holding open event streams, as browser tabs do, so that reading them
 * does not compete with the committer and the baseline listener for one event loop. Driven over
 * IPC by subscribers.ts; arrival times are on the machine's monotonic clock, shared by processes.
 */
import http from "node:http";
import { eachLimited, monotonicMs } from "./stats";

const OPENING_CONCURRENCY = 25;

export type Command =
  | { open: { url: string; cookie: string; count: number } }
  | { count: string }
  | { collect: string }
  | { close: true };

export type Reply = { opened: number } | { failed: string } | { counted: number } | { collected: { ids: string[]; at: number[] } } | { closed: true };

const aborts: AbortController[] = [];
let ids: string[] = [];
let at: number[] = [];

const reply = (message: Reply) => process.send!(message);

process.on("message", (command: Command) => {
  if ("open" in command) void open(command.open).then((opened) => reply({ opened }), (error: Error) => reply({ failed: error.message }));
  else if ("count" in command) reply({ counted: ids.filter((id) => id.startsWith(command.count)).length });
  else if ("collect" in command) {
    const keep = ids.map((id) => id.startsWith(command.collect));
    reply({ collected: { ids: ids.filter((_, i) => keep[i]), at: at.filter((_, i) => keep[i]) } });
    ids = [];
    at = [];
  } else {
    for (const abort of aborts) abort.abort();
    reply({ closed: true });
    process.disconnect();
  }
});

async function open({ url, cookie, count }: { url: string; cookie: string; count: number }): Promise<number> {
  await eachLimited(
    Array.from({ length: count }, (_, i) => i),
    OPENING_CONCURRENCY,
    () => subscribe(url, cookie),
  );
  return count;
}

// node:http rather than fetch: a web stream's read costs several times a socket's data event, and
// this process shares the machine's two cores with the server whose latency it measures.
function subscribe(url: string, cookie: string): Promise<void> {
  const abort = new AbortController();
  aborts.push(abort);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`the stream answered HTTP ${response.statusCode}`));
      resolve();
      let pending = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const arrived = monotonicMs();
        const messages = (pending + chunk).split("\n\n");
        pending = messages.pop() ?? "";
        for (const message of messages) {
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (!data) continue;
          ids.push((JSON.parse(data) as { id: string }).id);
          at.push(arrived);
        }
      });
      response.on("error", () => {});
    });
    request.on("error", (error) => (abort.signal.aborted ? resolve() : reject(error)));
  });
}

// The benchmark ended, or failed, without closing: nothing is left to report to.
process.on("disconnect", () => process.exit(0));
