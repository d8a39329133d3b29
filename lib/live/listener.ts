import { EventEmitter } from "node:events";
import { database } from "@/lib/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { LIVE_CHANNEL, type LiveEvent } from "./events";
import { ANY_ID, topics, type Topic } from "./topics";

export type Subscriber = (events: LiveEvent[]) => void;

export { ANY_ID };

interface Listener {
  emitter: EventEmitter;
  listens: number;
}

/**
 * Calls `subscriber` with the events of every committed change, from this process's one LISTEN
 * connection, which starts with the first subscriber. Returns the unsubscribe function.
 */
export function subscribe(subscriber: Subscriber): () => void {
  const { emitter } = listener();
  const guarded: Subscriber = (events) => {
    try {
      subscriber(events);
    } catch (error) {
      console.error("A live subscriber failed:", error);
    }
  };
  emitter.on("events", guarded);
  return () => void emitter.off("events", guarded);
}

// One LISTEN connection per process.
function listener(): Listener {
  return processSingleton("liveListener", listen);
}

function listen(): Listener {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const live: Listener = { emitter, listens: 0 };
  // postgres.js re-issues LISTEN by itself whenever its connection comes back, including after a
  // failed first attempt, and calls the third argument each time; so a rejection is only logged.
  database()
    .sql.listen(LIVE_CHANNEL, (payload) => emit(emitter, parseEvents(payload)), () => {
      live.listens += 1;
      // Notifications committed while the LISTEN connection was down are lost: anything may have changed.
      if (live.listens > 1) emit(emitter, topics.map((topic) => ({ topic, id: ANY_ID })));
    })
    .catch((error: unknown) => console.error("LISTEN failed; retrying when the database answers:", error));
  return live;
}

function emit(emitter: EventEmitter, events: LiveEvent[]): void {
  if (events.length > 0) emitter.emit("events", events);
}

const known = new Set<string>(topics);

/** The events of one notification; anything not shaped like a LiveEvent is dropped. */
export function parseEvents(payload: string): LiveEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((e: unknown) => {
    if (typeof e !== "object" || e === null) return [];
    const { topic, id } = e as Record<string, unknown>;
    return typeof topic === "string" && known.has(topic) && typeof id === "string" ? [{ topic: topic as Topic, id }] : [];
  });
}
