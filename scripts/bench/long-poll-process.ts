/**
 * A process of the benchmark running SDK clients (`createBreakwaterClient`), each one instance of a
 * service following its control document (over the stream, or the long-poll alone), so that hundreds of them do not share the bench's own
 * event loop and connection pool. Driven over IPC by long-poll-fleet.ts. Each callback a watch
 * names is recorded with the mark it carries, at its time on the machine's monotonic clock.
 */
import { createBreakwaterClient, type BreakwaterClient, type BreakwaterClientOptions } from "@/lib/sdk";
import { monotonicMs, sleep } from "./stats";

/** What a watch listens to on each client, and the mark that tells which action a callback answers. */
const watches = {
  mode: (client: BreakwaterClient, record: (mark: string) => void) => client.onModeChange((_mode, change) => record(change.reason ?? "")),
  config: (client: BreakwaterClient, record: (mark: string) => void) => client.onConfigChange((body) => record(String(body.mark ?? ""))),
} satisfies Record<string, (client: BreakwaterClient, record: (mark: string) => void) => void>;

export type Watch = keyof typeof watches;

export interface OpenCommand {
  url: string;
  token: string;
  service: string;
  instances: string[];
  watch: Watch;
  /** The pause between starting two instances of this process. */
  startEveryMs: number;
  heartbeatMs: number;
  control: NonNullable<BreakwaterClientOptions["control"]>;
}

export type Command = { open: OpenCommand } | { count: string } | { collect: string } | { errors: true } | { close: true };

export type Reply =
  | { opened: number }
  | { failed: string }
  | { counted: number }
  | { collected: number[] }
  | { errorCounts: Record<string, number> }
  | { closed: true };

const READY_WITHIN_MS = 120_000;

const clients: BreakwaterClient[] = [];
let marks: string[] = [];
let at: number[] = [];
const errors: Record<string, number> = {};
let lastError = "";

const reply = (message: Reply) => process.send!(message);

process.on("message", (command: Command) => {
  if ("open" in command) void open(command.open).then((opened) => reply({ opened }), (error: Error) => reply({ failed: error.message }));
  else if ("count" in command) reply({ counted: marks.filter((mark) => mark === command.count).length });
  else if ("collect" in command) {
    reply({ collected: at.filter((_, i) => marks[i] === command.collect) });
    at = at.filter((_, i) => marks[i] !== command.collect);
    marks = marks.filter((mark) => mark !== command.collect);
  } else if ("errors" in command) reply({ errorCounts: errors });
  else {
    for (const client of clients) client.close();
    reply({ closed: true });
    process.disconnect();
  }
});

/** Starts the clients and resolves once each has its first control document. */
async function open({ url, token, service, instances, watch, startEveryMs, heartbeatMs, control }: OpenCommand): Promise<number> {
  const record = (mark: string) => {
    at.push(monotonicMs());
    marks.push(mark);
  };
  for (const instance of instances) {
    const client = createBreakwaterClient({
      url,
      token,
      service,
      instance,
      environment: "production",
      heartbeatMs,
      control,
      onError: (error, during) => {
        errors[during] = (errors[during] ?? 0) + 1;
        lastError = `${during}: ${String(error)}`;
      },
    });
    watches[watch](client, record);
    clients.push(client);
    await sleep(startEveryMs);
  }
  const deadline = Date.now() + READY_WITHIN_MS;
  while (clients.some((client) => client.control() === null)) {
    if (Date.now() > deadline) {
      throw new Error(`${clients.filter((c) => c.control() === null).length} instances had no control document (last error: ${lastError || "none"})`);
    }
    await sleep(100);
  }
  return instances.length;
}

// The benchmark ended, or failed, without closing: nothing is left to report to.
process.on("disconnect", () => process.exit(0));
