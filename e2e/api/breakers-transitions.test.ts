import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceBreakers } from "@/lib/domain/breakers/types";
import type { ServiceView } from "@/lib/domain/services/list-services";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { rowCounts } from "../support/rows";

const SERVICE = "rag-api";

let app: TestApp;
let fleet: Caller;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  fleet = app.caller({ bearer: (await seedServiceToken(app.database.db, SERVICE)).token });
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
});
afterAll(() => app?.stop());

function report(instance: string, breakers: { name: string; state: string; since?: string; failures?: number; successes?: number }[]) {
  return fleet.post("/api/v1/report", {
    service: SERVICE,
    instance,
    breakers: breakers.map((b) => ({ rejects: 0, config: { rollingCountTimeout: 10_000 }, ...b })),
  });
}

async function drillDown(): Promise<ServiceBreakers> {
  const res = await viewer.get(`/api/v1/services/${SERVICE}/breakers`);
  expect(res.status).toBe(200);
  return (await res.json()) as ServiceBreakers;
}

async function breaker(name: string) {
  const found = (await drillDown()).breakers.find((b) => b.breaker === name);
  expect(found).toBeDefined();
  return found!;
}

describe("breaker transitions", () => {
  it("records a change of state between two reports, at the instance's own time when it gives one", async () => {
    expect((await report("rag-1", [{ name: "openai", state: "closed" }])).status).toBe(200);
    await report("rag-1", [{ name: "openai", state: "open", failures: 9, successes: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const halfOpenAt = new Date(Date.now() - 100).toISOString();
    await report("rag-1", [{ name: "openai", state: "half_open", since: halfOpenAt }]);
    await report("rag-1", [{ name: "openai", state: "half_open" }]);
    await report("rag-1", [{ name: "openai", state: "closed" }]);

    const { transitions, instances } = await breaker("openai");
    expect(transitions.map((t) => [t.from, t.to, t.source, t.instance])).toEqual([
      ["half_open", "closed", "report", "rag-1"],
      ["open", "half_open", "report", "rag-1"],
      ["closed", "open", "report", "rag-1"],
    ]);
    expect(transitions[1]!.at).toBe(halfOpenAt);
    expect(instances).toEqual([expect.objectContaining({ instance: "rag-1", state: "closed", stale: false })]);
  });

  it("takes exact transitions from events and only counts the counting events", async () => {
    await report("rag-2", [{ name: "openai", state: "closed", since: new Date(Date.now() - 60_000).toISOString() }]);
    const before = await rowCounts(app.database.sql);
    const base = Date.now() - 10_000;
    const at = (ms: number) => new Date(base + ms).toISOString();
    const events = [
      { event: "open", at: at(0) },
      ...Array.from({ length: 5 }, () => ({ event: "reject", at: at(100) })),
      { event: "failure", at: at(50) },
      { event: "half_open", at: at(2_000) },
      { event: "close", at: at(3_000) },
    ].map((e) => ({ service: SERVICE, instance: "rag-2", breaker: "openai", ...e }));
    const res = await fleet.post("/api/v1/breakers/events", events);
    expect(res.status).toBe(202);

    const after = await rowCounts(app.database.sql);
    expect(after.breaker_transitions).toBe(before.breaker_transitions! + 3);
    const { transitions } = await breaker("openai");
    expect(transitions.filter((t) => t.instance === "rag-2").map((t) => [t.from, t.to, t.source, t.at])).toEqual([
      ["half_open", "closed", "event", at(3_000)],
      ["open", "half_open", "event", at(2_000)],
      ["closed", "open", "event", at(0)],
    ]);
    const [counted] = await app.database.sql<{ rejects: number; failures: number }[]>`
      select event_rejects::int as rejects, event_failures::int as failures from breakers where service = ${SERVICE} and instance = 'rag-2'`;
    expect(counted).toEqual({ rejects: 5, failures: 1 });

    // An event older than the state it would replace arrived late: it changes nothing.
    expect((await fleet.post("/api/v1/breakers/events", [{ service: SERVICE, instance: "rag-2", breaker: "openai", event: "open", at: at(1_000) }])).status).toBe(202);
    expect((await rowCounts(app.database.sql)).breaker_transitions).toBe(after.breaker_transitions);
  });

  it("aggregates a breaker over its instances and lists trouble first", async () => {
    await report("rag-1", [
      { name: "openai", state: "open", failures: 8, successes: 2 },
      { name: "vector-db", state: "closed", failures: 0, successes: 50 },
    ]);
    await report("rag-2", [
      { name: "openai", state: "closed", failures: 1, successes: 9 },
      { name: "vector-db", state: "closed", failures: 1, successes: 49 },
    ]);
    const { breakers } = await drillDown();
    expect(breakers.map((b) => b.breaker)).toEqual(["openai", "vector-db"]);
    expect(breakers[0]).toMatchObject({ state: "open", stateCounts: { open: 1, closed: 1 }, liveInstances: 2 });
    expect(breakers[0]!.failureRate).toBeCloseTo(0.45, 5);
    expect(breakers[0]!.callsPerSecond).toBeCloseTo(2, 5);
    expect(breakers[0]!.sparkline).toHaveLength(15);
    expect(breakers[0]!.sparkline.at(-1)!.errorRate).toBeGreaterThan(0);
    expect(breakers[1]).toMatchObject({ state: "closed", stateCounts: { closed: 2 } });

    const { services } = (await (await viewer.get("/api/v1/services")).json()) as { services: ServiceView[] };
    expect(services.find((s) => s.name === SERVICE)!.breakers).toEqual({ total: 2, open: 1, halfOpen: 0, forced: 0 });
  });

  it("refuses reports and events about a service the token is not scoped to, writing nothing but the refusal", async () => {
    const foreign = app.caller({ bearer: (await seedServiceToken(app.database.db, "another-service")).token });
    const before = await rowCounts(app.database.sql);
    const events = await foreign.post("/api/v1/breakers/events", [{ service: SERVICE, instance: "x", breaker: "openai", event: "open" }]);
    expect(events.status).toBe(403);
    const mixed = await foreign.post("/api/v1/breakers/events", [
      { service: "another-service", instance: "x", breaker: "openai", event: "open" },
      { service: SERVICE, instance: "x", breaker: "openai", event: "open" },
    ]);
    expect(mixed.status).toBe(403);
    const res = await foreign.post("/api/v1/report", { service: SERVICE, instance: "x", breakers: [{ name: "openai", state: "open" }] });
    expect(res.status).toBe(403);
    expect(await rowCounts(app.database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 3 });
  });

  it("dates an event from the far future at most a few minutes ahead, so later events still change the state", async () => {
    const event = (e: string, at?: string) => ({ service: SERVICE, instance: "rag-future", breaker: "future", event: e, ...(at ? { at } : {}) });
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
    expect((await fleet.post("/api/v1/breakers/events", [event("open", nextYear)])).status).toBe(202);
    const opened = await breaker("future");
    expect(new Date(opened.transitions[0]!.at).getTime()).toBeLessThan(Date.now() + 10 * 60_000);
    expect((await fleet.post("/api/v1/breakers/events", [event("close", new Date(Date.now() + 6 * 60_000).toISOString())])).status).toBe(202);
    const { instances } = await breaker("future");
    expect(instances).toEqual([expect.objectContaining({ instance: "rag-future", state: "closed" })]);
  });

  it("answers 404 for the breakers of a service that never reported", async () => {
    expect((await viewer.get("/api/v1/services/nobody-here/breakers")).status).toBe(404);
  });
});
