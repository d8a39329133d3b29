import { db } from "@/lib/db/client";
import { enabledUserIds, liveTokenIds } from "@/lib/domain/access/principal";
import { processSingleton } from "@/lib/process-singleton";
import { drainSignal, refuseWhileDraining, retryHint } from "./draining";
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

/** Who a stream was opened for: a person, and the personal token they opened it with, if any. */
export interface StreamHolder {
  userId: string;
  tokenId: string | null;
}

interface Hub {
  /** Each open stream and who it was opened for (null: no one to recheck). */
  clients: Map<Client, StreamHolder | null>;
  stop: (() => void) | null;
  /** Events received in this turn of the event loop, sent together as one chunk at its end. */
  pending: LiveEvent[];
}

// One hub per process.
function hub(): Hub {
  return processSingleton("eventStream", (): Hub => ({ clients: new Map(), stop: null, pending: [] }));
}

export function streamClientCount(): number {
  return hub().clients.size;
}

/**
 * The Server-Sent Events response of one browser tab: an `event: <topic>` per committed change.
 * `holder` is who it is opened for: the stream ends at the first heartbeat after the person is
 * disabled or removed, or the token it was opened with is revoked, as their next request would be refused.
 * A stopping process refuses new streams and closes its open ones with a retry hint, so the tab
 * reconnects to another process.
 */
export function eventStreamResponse(signal: AbortSignal, holder: StreamHolder | null): Response {
  refuseWhileDraining();
  return new Response(eventStream(signal, holder), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}

function eventStream(signal: AbortSignal, holder: StreamHolder | null): ReadableStream<Uint8Array> {
  let client: Client | undefined;
  const leave = () => {
    if (client) part(client);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      client = controller;
      controller.enqueue(HELLO);
      if (signal.aborted) return;
      join(controller, holder);
      signal.addEventListener("abort", leave, { once: true });
    },
    cancel: leave,
  });
}

// Every client gets the same encoded chunk, so an event costs one encoding however many tabs watch,
// and one heartbeat timer serves them all. Writing a chunk to a response is what costs (tens of
// microseconds per client), so notifications that arrive together, as under a burst of reports,
// go out as one chunk.
function join(client: Client, holder: StreamHolder | null): void {
  const h = hub();
  h.clients.set(client, holder);
  if (h.stop) return;
  const unsubscribe = subscribe((events) => {
    if (h.pending.length === 0) setImmediate(() => broadcast(encodeEvents(h.pending.splice(0))));
    h.pending.push(...events);
  });
  const heartbeat = setInterval(() => {
    broadcast(HEARTBEAT);
    void closeRevoked();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const drain = () => {
    for (const open of [...h.clients.keys()]) {
      part(open);
      try {
        open.enqueue(encoder.encode(retryHint()));
        open.close();
      } catch {
        // Already closed by the reader going away.
      }
    }
  };
  drainSignal().addEventListener("abort", drain, { once: true });
  h.stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
    drainSignal().removeEventListener("abort", drain);
  };
}

function part(client: Client): void {
  const h = hub();
  if (!h.clients.delete(client) || h.clients.size > 0) return;
  h.stop?.();
  h.stop = null;
}

// Two queries per heartbeat for every stream of the process, however many are open.
async function closeRevoked(): Promise<void> {
  const h = hub();
  const holders = [...h.clients.values()].filter((holder): holder is StreamHolder => holder !== null);
  if (holders.length === 0) return;
  const tokenIds = [...new Set(holders.flatMap((holder) => (holder.tokenId ? [holder.tokenId] : [])))];
  try {
    const [people, tokens] = await Promise.all([
      enabledUserIds(db(), [...new Set(holders.map((holder) => holder.userId))]),
      tokenIds.length > 0 ? liveTokenIds(db(), tokenIds) : [],
    ]);
    const [allowedPeople, liveTokens] = [new Set(people), new Set(tokens)];
    for (const [client, holder] of h.clients) {
      if (holder === null || (allowedPeople.has(holder.userId) && (holder.tokenId === null || liveTokens.has(holder.tokenId)))) continue;
      part(client);
      client.close();
    }
  } catch {
    // The database away: the next heartbeat checks again.
  }
}

function broadcast(chunk: Uint8Array): void {
  for (const client of hub().clients.keys()) {
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
