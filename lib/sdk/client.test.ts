import { afterEach, describe, expect, it } from "vitest";
import { createBreakwaterClient } from "./client";
import type { BreakwaterClient } from "./client-api";
import type { ControlDocument, Report } from "./types";

/** An in-memory console speaking the contract: reports, events, and a long-polled control document. */
function fakeConsole() {
  const state = {
    up: true,
    doc: {
      service: "rag-api",
      revision: 1,
      mode: { desired: "normal", source: "automatic", reason: null, setBy: null, expiresAt: null },
      breakers: {},
      config: {},
    } as ControlDocument,
    reports: [] as Report[],
    events: [] as unknown[],
    aborted: 0,
  };
  const waiters = new Set<() => void>();
  const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

  const fetchFn: typeof fetch = async (input, init) => {
    if (!state.up) throw new TypeError("fetch failed");
    const url = new URL(String(input));
    const signal = init?.signal ?? undefined;
    if (url.pathname === "/api/v1/report") {
      state.reports.push(JSON.parse(String(init?.body)));
      return respond(200, state.doc);
    }
    if (url.pathname === "/api/v1/breakers/events") {
      state.events.push(...JSON.parse(String(init?.body)));
      return respond(202, { accepted: true });
    }
    const etag = `"${state.doc.revision}"`;
    const seen = new Headers(init?.headers).get("if-none-match");
    const wait = Number(url.searchParams.get("wait") ?? 0);
    if (seen === etag && wait > 0) {
      const changed = await new Promise<boolean>((resolve, reject) => {
        const timer = setTimeout(() => (waiters.delete(wake), resolve(false)), wait * 1_000);
        const wake = () => (clearTimeout(timer), resolve(true));
        waiters.add(wake);
        signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          state.aborted += 1;
          waiters.delete(wake);
          reject(signal.reason);
        });
      });
      if (!changed) return respond(304, undefined, { etag });
    }
    return respond(200, state.doc, { etag: `"${state.doc.revision}"` });
  };

  const publish = (patch: Partial<ControlDocument>) => {
    state.doc = { ...state.doc, ...patch, revision: state.doc.revision + 1 };
    for (const wake of [...waiters]) wake();
    waiters.clear();
  };
  return { state, fetch: fetchFn, publish, lastReport: () => state.reports.at(-1) };
}


const clients: BreakwaterClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.close()));

function clientOf(server: ReturnType<typeof fakeConsole>, options: { modes?: string[]; reportIntervalMs?: number } = {}) {
  const client = createBreakwaterClient({
    url: "http://server.test",
    token: "bw_test",
    service: "rag-api",
    instance: "rag-api-1",
    environment: "production",
    fetch: server.fetch,
    heartbeatMs: options.reportIntervalMs ?? 60_000,
    ...(options.modes ? { modes: options.modes } : {}),
  });
  clients.push(client);
  return client;
}

const manual = (desired: string, expiresAt: string | null = null) => ({
  mode: { desired, source: "manual" as const, reason: "openai outage", setBy: "oncall@example.com", expiresAt },
});

describe("createBreakwaterClient", () => {
  it("reports at once what the instance runs, declares and feels", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    client.setHealth("degraded", { llm: "degraded" });
    client.setQueueDepth(12);
    await expect.poll(() => server.state.reports.length > 0, { timeout: 3_000, interval: 10 }).toBe(true);
    expect(server.lastReport()).toMatchObject({
      service: "rag-api",
      instance: "rag-api-1",
      environment: "production",
      mode: "normal",
      automaticMode: "normal",
      modes: ["normal", "reduced_performance", "selective_processing", "local_queue", "memory_constrained", "emergency"],
      breakers: [],
    });
    await client.report();
    expect(server.lastReport()).toMatchObject({ health: { status: "degraded", checks: { llm: "degraded" } }, queueDepth: 12 });
  });

  it("follows a manual flip as soon as the console publishes it, and its own choice after the clear", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    const seen: string[] = [];
    client.onModeChange((mode, change) => seen.push(`${mode}:${change.source}`));
    await expect.poll(() => client.control() !== null, { timeout: 3_000, interval: 10 }).toBe(true);
    client.setAutomaticMode("reduced_performance");
    server.publish(manual("local_queue"));
    await expect.poll(() => client.currentMode() === "local_queue", { timeout: 3_000, interval: 10 }).toBe(true);
    await expect.poll(() => server.lastReport()?.mode === "local_queue", { timeout: 3_000, interval: 10 }).toBe(true);
    expect(server.lastReport()?.automaticMode).toBe("reduced_performance");

    server.publish({ mode: { desired: "normal", source: "automatic", reason: null, setBy: null, expiresAt: null } });
    await expect.poll(() => client.currentMode() === "reduced_performance", { timeout: 3_000, interval: 10 }).toBe(true);
    expect(seen).toEqual(["reduced_performance:automatic", "local_queue:manual", "reduced_performance:automatic"]);
  });

  it("returns to its own mode when a manual one expires, even without the console", async () => {
    const server = fakeConsole();
    server.publish(manual("emergency", new Date(Date.now() + 300).toISOString()));
    const client = clientOf(server);
    await expect.poll(() => client.currentMode() === "emergency", { timeout: 3_000, interval: 10 }).toBe(true);
    server.state.up = false;
    await expect.poll(() => client.currentMode() === "normal", { timeout: 3_000, interval: 10 }).toBe(true);
  });

  it("tells each breaker of its override, and of the clear", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    const seen: string[] = [];
    client.onOverride((breaker, override) => seen.push(`${breaker}:${override}`));
    server.publish({ breakers: { openai: { override: "forced_open", reason: "outage", expiresAt: null } } });
    await expect.poll(() => seen.length === 1, { timeout: 3_000, interval: 10 }).toBe(true);
    expect(client.overrideOf("openai").override).toBe("forced_open");
    server.publish({ breakers: {} });
    await expect.poll(() => seen.length === 2, { timeout: 3_000, interval: 10 }).toBe(true);
    expect(seen).toEqual(["openai:forced_open", "openai:none"]);
  });

  it("refuses a mode it does not declare", () => {
    const client = clientOf(fakeConsole(), { modes: ["normal", "emergency"] });
    expect(() => client.setAutomaticMode("local_queue")).toThrow(TypeError);
  });

  it("keeps the latest state while the console is away and reports it when back", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    await expect.poll(() => server.state.reports.length > 0, { timeout: 3_000, interval: 10 }).toBe(true);
    server.state.up = false;
    client.setQueueDepth(40);
    await expect(client.report()).rejects.toThrow();
    client.setQueueDepth(75);
    await expect(client.report()).rejects.toThrow();
    server.state.up = true;
    const before = server.state.reports.length;
    await client.report();
    expect(server.state.reports.length).toBe(before + 1);
    expect(server.lastReport()?.queueDepth).toBe(75);
  });

  it("shares one follow-up among reports asked for while one is in flight", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    await expect.poll(() => server.state.reports.length > 0, { timeout: 3_000, interval: 10 }).toBe(true);
    const before = server.state.reports.length;
    await Promise.all([client.report(), client.report(), client.report(), client.report()]);
    expect(server.state.reports.length).toBe(before + 2);
  });

  it("sends breaker transitions in one batch", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    client.recordBreakerEvent("openai", "open", new Date("2026-11-21T10:00:00Z"));
    client.recordBreakerEvent("s3", "half_open", new Date("2026-11-21T10:00:01Z"));
    await expect.poll(() => server.state.events.length === 2, { timeout: 3_000, interval: 10 }).toBe(true);
    expect(server.state.events[0]).toEqual({ service: "rag-api", instance: "rag-api-1", breaker: "openai", event: "open", at: "2026-11-21T10:00:00.000Z" });
  });

  it("aborts the waiting control request on close", async () => {
    const server = fakeConsole();
    const client = clientOf(server);
    await expect.poll(() => client.control() !== null, { timeout: 3_000, interval: 10 }).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    client.close();
    await expect.poll(() => server.state.aborted === 1, { timeout: 3_000, interval: 10 }).toBe(true);
    await expect(client.report()).rejects.toThrow(/closed/);
  });
});
