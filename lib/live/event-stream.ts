import type { LiveEvent } from "./events";
import { subscribe } from "./listener";

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 3_000;
// A tab this far behind is not reading; closing its stream lets it reconnect and refetch instead
// of the server queueing for it without bound.
const MAX_QUEUED_CHUNKS = 1_000;

const encoder = new TextEncoder();
const HELLO = encoder.encode(`retry: ${RECONNECT_MS}\n\n`);
const HEARTBEAT = encoder.encode(": heartbeat\n\n");

type Client = ReadableStreamDefaultController<Uint8Array>;

interface Hub {
  clients: Set<Client>;
  stop: (() => void) | null;
  /** Events received in this turn of the event loop, sent together as one chunk at its end. */
  pending: LiveEvent[];
}

// One hub per process even when Next.js loads this module in several bundles.
const slot = globalThis as typeof globalThis & { __breakwaterEventStream?: Hub };

function hub(): Hub {
  slot.__breakwaterEventStream ??= { clients: new Set(), stop: null, pending: [] };
  return slot.__breakwaterEventStream;
}

export function streamClientCount(): number {
  return hub().clients.size;
}

/** The Server-Sent Events response of one browser tab: an `event: <topic>` per committed change. */
export function eventStreamResponse(signal: AbortSignal): Response {
  return new Response(eventStream(signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}

function eventStream(signal: AbortSignal): ReadableStream<Uint8Array> {
  let client: Client | undefined;
  const leave = () => {
    if (client) part(client);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      client = controller;
      controller.enqueue(HELLO);
      if (signal.aborted) return;
      join(controller);
      signal.addEventListener("abort", leave, { once: true });
    },
    cancel: leave,
  });
}

// Every client gets the same encoded chunk, so an event costs one encoding however many tabs watch,
// and one heartbeat timer serves them all. Writing a chunk to a response is what costs (tens of
// microseconds per client), so notifications that arrive together, as under a burst of reports,
// go out as one chunk.
function join(client: Client): void {
  const h = hub();
  h.clients.add(client);
  if (h.stop) return;
  const unsubscribe = subscribe((events) => {
    if (h.pending.length === 0) setImmediate(() => broadcast(encodeEvents(h.pending.splice(0))));
    h.pending.push(...events);
  });
  const heartbeat = setInterval(() => broadcast(HEARTBEAT), HEARTBEAT_MS);
  heartbeat.unref();
  h.stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
  };
}

function part(client: Client): void {
  const h = hub();
  if (!h.clients.delete(client) || h.clients.size > 0) return;
  h.stop?.();
  h.stop = null;
}

function broadcast(chunk: Uint8Array): void {
  for (const client of hub().clients) {
    try {
      if ((client.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
        part(client);
        client.close();
      } else {
        client.enqueue(chunk);
      }
    } catch {
      part(client);
    }
  }
}

export function encodeEvents(events: LiveEvent[]): Uint8Array {
  return encoder.encode(events.map(({ topic, id }) => `event: ${topic}\ndata: ${JSON.stringify({ topic, id })}\n\n`).join(""));
}
