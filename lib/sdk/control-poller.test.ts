import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pollControl } from "./control-poller";

/**
 * The poller against a scripted console, on fake time: each test says how the console answers a
 * control request and counts what the poller asked within a span of (simulated) minutes.
 */
type Answer = { status: 200; revision: number; etag?: false } | { status: 304 } | { error: true } | { holdFor: number };

const REPORT_INTERVAL_MS = 60_000;

function scriptedConsole(answer: (request: number) => Answer) {
  const requests: { wait: string | null; ifNoneMatch: string | null }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    requests.push({ wait: url.searchParams.get("wait"), ifNoneMatch: new Headers(init?.headers).get("if-none-match") });
    const next = answer(requests.length);
    if ("error" in next) throw new TypeError("fetch failed");
    if ("holdFor" in next) await new Promise((resolve) => setTimeout(resolve, next.holdFor));
    if (!("revision" in next)) return new Response(null, { status: 304 });
    return Response.json({ revision: next.revision }, { headers: next.etag === false ? {} : { etag: `"${next.revision}"` } });
  };
  return { fetch: fetchFn, requests };
}

function poll(server: ReturnType<typeof scriptedConsole>) {
  const aborter = new AbortController();
  const documents: unknown[] = [];
  const errors: unknown[] = [];
  void pollControl({
    transport: { url: "http://console.test", token: "bw_test", fetch: server.fetch, closed: aborter.signal },
    service: "rag-api",
    instance: "rag-api-1",
    waitSeconds: 30,
    fallbackIntervalMs: REPORT_INTERVAL_MS,
    onDocument: (body) => documents.push(body),
    onError: (error) => errors.push(error),
  });
  stops.push(() => aborter.abort());
  return { documents, errors };
}

const stops: (() => void)[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  // The smallest jitter, so every pause is as short as the poller allows: the case that could spin.
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("pollControl", () => {
  it("asks again at once, with the ETag and a wait, after a change and after a held 304", async () => {
    const server = scriptedConsole((n) => (n === 1 ? { status: 200, revision: 1 } : n === 3 ? { status: 200, revision: 2 } : { holdFor: 30_000 }));
    const { documents } = poll(server);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(documents).toEqual([{ revision: 1 }, { revision: 2 }]);
    expect(server.requests.slice(0, 4)).toEqual([
      { wait: null, ifNoneMatch: null },
      { wait: "30", ifNoneMatch: '"1"' },
      { wait: "30", ifNoneMatch: '"1"' },
      { wait: "30", ifNoneMatch: '"2"' },
    ]);
  });

  it("picks up a change within seconds of a 304 that came back early, not a report interval later", async () => {
    const server = scriptedConsole((n) => (n === 1 ? { status: 200, revision: 1 } : n === 2 ? { status: 304 } : n === 3 ? { status: 200, revision: 2 } : { holdFor: 30_000 }));
    const { documents } = poll(server);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(documents).toEqual([{ revision: 1 }, { revision: 2 }]);
  });

  it("backs off over early 304s in a row, asking every few seconds rather than spinning or going quiet", async () => {
    const server = scriptedConsole((n) => (n === 1 ? { status: 200, revision: 1 } : { status: 304 }));
    poll(server);
    await vi.advanceTimersByTimeAsync(60_000);
    // 250 ms, 500 ms, 1 s, 2 s, then at most every 5 s (2.5 s with the smallest jitter) for the rest of the minute.
    expect(server.requests.length).toBe(2 + 4 + Math.floor((60_000 - 3_750) / 2_500));
  });

  it("polls a console without ETags once per report interval", async () => {
    const server = scriptedConsole(() => ({ status: 200, revision: 1, etag: false }));
    poll(server);
    await vi.advanceTimersByTimeAsync(3 * REPORT_INTERVAL_MS);
    expect(server.requests.length).toBe(4);
    expect(server.requests.every((r) => r.wait === null)).toBe(true);
  });

  it("backs off exponentially while the console is unreachable, and reports each failure", async () => {
    const server = scriptedConsole(() => ({ error: true }));
    const { errors } = poll(server);
    await vi.advanceTimersByTimeAsync(60_000);
    // Pauses of 0.5, 1, 2, 4, 8 and 16 s, then 32 s: the smallest jitter of a delay doubling from 1 s.
    expect(server.requests.length).toBe(7);
    expect(errors).toHaveLength(7);
  });
});
