import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Subscriber } from "./listener";

const listener = vi.hoisted(() => ({ subscribers: new Set<(events: unknown[]) => void>(), unsubscribed: 0 }));

vi.mock("./listener", () => ({
  subscribe(subscriber: Subscriber) {
    listener.subscribers.add(subscriber as (events: unknown[]) => void);
    return () => {
      listener.subscribers.delete(subscriber as (events: unknown[]) => void);
      listener.unsubscribed += 1;
    };
  },
}));

const { encodeEvents, eventStreamResponse, streamClientCount } = await import("./event-stream");

const decoder = new TextDecoder();
const publish = (events: { topic: string; id: string }[]) => listener.subscribers.forEach((s) => s(events));

async function nextText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value } = await reader.read();
  return decoder.decode(value);
}

describe("the event stream", () => {
  beforeEach(() => {
    listener.unsubscribed = 0;
  });

  it("answers with the headers that keep proxies from buffering or caching it", () => {
    const abort = new AbortController();
    const response = eventStreamResponse(abort.signal, null);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    abort.abort();
  });

  it("sends one named event per change, to every client, and lets go of them when they leave", async () => {
    const first = new AbortController();
    const second = new AbortController();
    const readers = [eventStreamResponse(first.signal, null), eventStreamResponse(second.signal, null)].map((r) => r.body!.getReader());
    expect(streamClientCount()).toBe(2);
    expect(listener.subscribers.size).toBe(1);
    for (const reader of readers) expect(await nextText(reader)).toMatch(/^retry: \d+\n\n$/);

    publish([{ topic: "service", id: "rag-api" }]);
    for (const reader of readers) expect(await nextText(reader)).toBe('event: service\ndata: {"topic":"service","id":"rag-api"}\n\n');

    first.abort();
    expect(streamClientCount()).toBe(1);
    await readers[1]!.cancel();
    expect(streamClientCount()).toBe(0);
    expect(listener.unsubscribed).toBe(1);
  });

  it("sends the changes of one turn of the event loop as one chunk", async () => {
    const abort = new AbortController();
    const reader = eventStreamResponse(abort.signal, null).body!.getReader();
    await nextText(reader);
    publish([{ topic: "service", id: "a" }]);
    publish([{ topic: "breaker", id: "b" }]);
    expect(await nextText(reader)).toBe(decoder.decode(encodeEvents([{ topic: "service", id: "a" }, { topic: "breaker", id: "b" }])));
    abort.abort();
  });

  it("encodes ids that need escaping without breaking the event framing", () => {
    const text = decoder.decode(encodeEvents([{ topic: "alert", id: 'a\n\n"b"' }, { topic: "mode", id: "x" }]));
    expect(text.split("\n\n").filter(Boolean)).toHaveLength(2);
    expect(text).toContain('data: {"topic":"alert","id":"a\\n\\n\\"b\\""}');
  });
});
