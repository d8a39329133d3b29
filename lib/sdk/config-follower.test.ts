import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createConfigFollower, type AppliedConfig } from "./config-follower";
import type { Transport } from "./http";

/** A console answering `GET /api/v1/config/...` from `versions`, honouring If-None-Match; `down` makes it refuse connections. */
function fakeConsole() {
  const state = { current: 0, down: false, requests: [] as (string | null)[] };
  const bodies = new Map<number, Record<string, unknown>>();
  const aborter = new AbortController();
  const fetchFn: typeof fetch = async (_input, init) => {
    const seen = new Headers(init?.headers).get("if-none-match");
    state.requests.push(seen);
    if (state.down) throw new TypeError("fetch failed");
    if (state.current === 0) return new Response(JSON.stringify({ error: "not_found" }), { status: 404 });
    if (seen === `"${state.current}"`) return new Response(null, { status: 304 });
    return Response.json({ version: state.current, body: bodies.get(state.current), publishedAt: "2026-11-21T10:00:00Z", publishedBy: "a@example.com" });
  };
  const transport: Transport = { url: "http://console.test", token: "t", fetch: fetchFn, closed: aborter.signal };
  return {
    state,
    transport,
    publish(body: Record<string, unknown>) {
      state.current += 1;
      bodies.set(state.current, body);
      return state.current;
    },
    close: () => aborter.abort(),
  };
}

const consoles: ReturnType<typeof fakeConsole>[] = [];
afterEach(() => consoles.splice(0).forEach((c) => c.close()));

function follow() {
  const fake = fakeConsole();
  consoles.push(fake);
  const applied: AppliedConfig[] = [];
  const errors: unknown[] = [];
  const follower = createConfigFollower({ transport: fake.transport, service: "rag-api", environment: "production", onApplied: (c) => applied.push(c), onError: (e) => errors.push(e) });
  return { fake, follower, applied, errors };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe("the config follower", () => {
  it("fetches the body of each version the control document names, once, asking only for what it lacks", async () => {
    const { fake, follower, applied } = follow();
    const first = fake.publish({ results: 10 });
    follower.follow(first);
    await until(() => applied.length === 1);
    expect(follower.applied()).toEqual({ version: 1, body: { results: 10 } });

    follower.follow(first);
    const second = fake.publish({ results: 20 });
    follower.follow(second);
    await until(() => applied.length === 2);
    expect(applied.map((a) => a.version)).toEqual([1, 2]);
    expect(fake.state.requests).toEqual([null, '"1"']);
  });

  it("keeps trying through failures until it holds the named version", async () => {
    const { fake, follower, applied, errors } = follow();
    fake.state.down = true;
    follower.follow(fake.publish({ results: 10 }));
    await until(() => errors.length === 1);
    fake.state.down = false;
    await until(() => applied.length === 1);
    expect(follower.applied()?.version).toBe(1);
    // A pause that ended by its timer must not leave its listener on the client's lifelong signal.
    expect(getEventListeners(fake.transport.closed, "abort")).toHaveLength(0);
  });
});
