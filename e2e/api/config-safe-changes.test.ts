import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** Approvals, break glass and the freeze, over real HTTP on a real database. */

let app: TestApp;
let author: Caller;
let second: Caller;
let third: Caller;
let service: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const [a, b, c] = await Promise.all([seedUser(db, "admin"), seedUser(db, "admin"), seedUser(db, "admin")]);
  [author, second, third] = await Promise.all([app.signedIn(a.email, a.password), app.signedIn(b.email, b.password), app.signedIn(c.email, c.password)]);
  service = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

const docOf = (svc: string) => `/api/v1/config/${svc}/production`;

async function setPolicy(svc: string, approvals: number, freezeWhileCritical = false) {
  const res = await author.send("PUT", `${docOf(svc)}/policy`, { json: { approvals, freezeWhileCritical } });
  expect(res.status).toBe(200);
}

async function version(svc: string): Promise<number> {
  const res = await author.get(`${docOf(svc)}/versions`);
  return ((await res.json()) as { currentVersion: number }).currentVersion;
}

async function publish(caller: Caller, svc: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return caller.post(`${docOf(svc)}/versions`, { body, message: `set ${JSON.stringify(body)}`, expectedVersion: await version(svc), ...extra });
}

async function requested(svc: string, body: Record<string, unknown>): Promise<number> {
  const res = await publish(author, svc, body);
  expect(res.status).toBe(202);
  const { changeRequest } = (await res.json()) as { changeRequest: { id: number; status: string } };
  expect(changeRequest.status).toBe("pending");
  return changeRequest.id;
}

const approve = (caller: Caller, id: number) => caller.post(`/api/v1/change-requests/${id}/approve`);

describe("a policy", () => {
  it("is read back, audited, and admins only set it", async () => {
    await setPolicy("policy-svc", 2, true);
    const read = await (await author.get(`${docOf("policy-svc")}/policy`)).json();
    expect(read).toMatchObject({ approvals: 2, freezeWhileCritical: true, frozen: null });
    const [event] = await app.database.sql`select before, after from audit_events where action = 'config.policy' and target = 'config:policy-svc/production'`;
    expect(event).toEqual({ before: { approvals: 0, freezeWhileCritical: false }, after: { approvals: 2, freezeWhileCritical: true } });
    expect((await author.send("PUT", `${docOf("policy-svc")}/policy`, { json: { approvals: 3, freezeWhileCritical: false } })).status).toBe(400);
  });
});

describe("approvals", () => {
  it("hold a publish as a change request that creates no version, which its author cannot approve", async () => {
    await setPolicy("four-eyes", 1);
    const id = await requested("four-eyes", { retries: 3 });
    expect(await version("four-eyes")).toBe(0);
    const own = await approve(author, id);
    expect(own.status).toBe(403);
    const listed = (await (await second.get("/api/v1/change-requests?status=pending&service=four-eyes")).json()) as { items: { id: number; changes: unknown[]; approvals: unknown[] }[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id, approvals: [], changes: [{ kind: "add", path: ["retries"], after: 3 }] });
    const res = await approve(second, id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ changeRequest: { id, status: "applied", version: 1 } });
    const current = (await (await service.get(docOf("four-eyes"))).json()) as { version: number; body: unknown };
    expect(current).toMatchObject({ version: 1, body: { retries: 3 } });
    const [published] = await app.database.sql`select actor, after->>'changeRequestId' as request from audit_events where action = 'config.publish' and target = 'config:four-eyes/production'`;
    expect(published).toMatchObject({ request: String(id) });
  });

  it("need two distinct other admins when the policy says two", async () => {
    await setPolicy("two-eyes", 2);
    const id = await requested("two-eyes", { pool: 8 });
    const first = await approve(second, id);
    expect(await first.json()).toEqual({ changeRequest: { id, status: "pending", approvals: 1, approvalsRequired: 2 } });
    expect((await approve(second, id)).status).toBe(409);
    expect(await version("two-eyes")).toBe(0);
    const last = await approve(third, id);
    expect(await last.json()).toEqual({ changeRequest: { id, status: "applied", version: 1 } });
    expect(await version("two-eyes")).toBe(1);
  });

  it("drop when the request is edited", async () => {
    await setPolicy("edited", 2);
    const id = await requested("edited", { pool: 1 });
    expect((await approve(second, id)).status).toBe(200);
    expect((await second.patch(`/api/v1/change-requests/${id}`, { body: { pool: 2 }, message: "not mine", expectedVersion: 0 })).status).toBe(403);
    const edit = await author.patch(`/api/v1/change-requests/${id}`, { body: { pool: 2 }, message: "pool 2", expectedVersion: 0 });
    expect(edit.status).toBe(200);
    const listed = (await (await author.get("/api/v1/change-requests?service=edited")).json()) as { items: { approvals: unknown[]; revision: number }[] };
    expect(listed.items[0]).toMatchObject({ approvals: [], revision: 2 });
  });

  it("refuse a request another version overtook: it goes stale and is never merged", async () => {
    await setPolicy("overtaken", 1);
    const id = await requested("overtaken", { a: 1 });
    const other = await publish(second, "overtaken", { b: 2 }, { breakGlass: { reason: "hotfix first" } });
    expect(other.status).toBe(201);
    const res = await approve(third, id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "conflict", changeRequest: { id, status: "stale" }, currentVersion: 1 });
    const stale = (await (await author.get("/api/v1/change-requests?status=stale&service=overtaken")).json()) as { items: { id: number }[] };
    expect(stale.items.map((r) => r.id)).toEqual([id]);
    expect(((await (await service.get(docOf("overtaken"))).json()) as { body: unknown }).body).toEqual({ b: 2 });
    expect((await approve(third, id)).status).toBe(409);
  });

  it("are rejected with a reason, and rollbacks never wait", async () => {
    await setPolicy("rejected", 0);
    expect((await publish(author, "rejected", { v: 1 })).status).toBe(201);
    expect((await publish(author, "rejected", { v: 2 })).status).toBe(201);
    await setPolicy("rejected", 2);
    const id = await requested("rejected", { v: 3 });
    expect((await second.post(`/api/v1/change-requests/${id}/reject`, {})).status).toBe(400);
    expect((await second.post(`/api/v1/change-requests/${id}/reject`, { reason: "not during the sale" })).status).toBe(200);
    expect((await approve(third, id)).status).toBe(409);
    const rollback = await author.post(`${docOf("rejected")}/rollback`, { toVersion: 1, reason: "v2 misbehaves", expectedVersion: 2 });
    expect(rollback.status).toBe(201);
    expect(await version("rejected")).toBe(3);
  });
});

describe("break glass", () => {
  it("applies at once under any policy and leaves an unreviewed review another admin signs off", async () => {
    await setPolicy("glass", 2, true);
    const res = await publish(author, "glass", { kill: true }, { breakGlass: { reason: "stop the bleeding" } });
    expect(res.status).toBe(201);
    const { version: v, changeRequest } = (await res.json()) as { version: number; changeRequest: { id: number; kind: string } };
    expect(v).toBe(1);
    expect(changeRequest.kind).toBe("break_glass");
    const [event] = await app.database.sql`select after->'breakGlass'->>'reason' as reason from audit_events where action = 'config.publish' and target = 'config:glass/production'`;
    expect(event).toEqual({ reason: "stop the bleeding" });
    const reviews = async () => ((await (await second.get("/api/v1/attention")).json()) as { reviews: { id: number; service: string; since: string; reason: string }[] }).reviews.filter((r) => r.service === "glass");
    expect(await reviews()).toEqual([expect.objectContaining({ id: changeRequest.id, reason: "stop the bleeding", since: expect.any(String) })]);
    expect((await author.post(`/api/v1/change-requests/${changeRequest.id}/review`)).status).toBe(403);
    expect((await second.post(`/api/v1/change-requests/${changeRequest.id}/review`)).status).toBe(200);
    const unreviewed = (await (await second.get("/api/v1/change-requests?unreviewed=true&service=glass")).json()) as { items: unknown[] };
    expect(unreviewed.items).toEqual([]);
    expect(await reviews()).toEqual([]);
  });
});

describe("the freeze", () => {
  it("refuses a publish with 423 while a critical alert of the service fires, lets an override through, and never freezes a rollback", async () => {
    await setPolicy("burning", 0, true);
    expect((await publish(author, "burning", { v: 1 })).status).toBe(201);
    expect((await publish(author, "burning", { v: 2 })).status).toBe(201);
    const fired = await service.post("/api/v1/alerts", [{ labels: { alertname: "CheckoutDown", service: "burning", severity: "critical" }, status: "firing" }]);
    expect(fired.status).toBe(202);
    const policy = (await (await author.get(`${docOf("burning")}/policy`)).json()) as { frozen: { alerts: { name: string }[] } | null };
    expect(policy.frozen?.alerts.map((a) => a.name)).toEqual(["CheckoutDown"]);
    const frozen = await publish(author, "burning", { v: 3 });
    expect(frozen.status).toBe(423);
    expect(await frozen.json()).toMatchObject({ error: "frozen", alerts: [{ name: "CheckoutDown" }] });
    expect(await version("burning")).toBe(2);
    const overridden = await publish(author, "burning", { v: 3 }, { override: { reason: "this is the fix" } });
    expect(overridden.status).toBe(201);
    const [event] = await app.database.sql`select after->'override' as override from audit_events where action = 'config.publish' and target = 'config:burning/production' order by id desc limit 1`;
    expect(event).toEqual({ override: { reason: "this is the fix", alerts: ["CheckoutDown"] } });
    const rollback = await author.post(`${docOf("burning")}/rollback`, { toVersion: 1, reason: "back to the last good one", expectedVersion: 3 });
    expect(rollback.status).toBe(201);
  });

  it("holds an approved request too: the approval that would apply it gets 423 and the request stays pending", async () => {
    await setPolicy("burning-request", 1, true);
    const id = await requested("burning-request", { v: 1 });
    await service.post("/api/v1/alerts", [{ labels: { alertname: "QueueOnFire", service: "burning-request", severity: "critical" }, status: "firing" }]);
    const res = await approve(second, id);
    expect(res.status).toBe(423);
    expect(await res.json()).toMatchObject({ error: "frozen", alerts: [{ name: "QueueOnFire" }] });
    const pending = (await (await author.get("/api/v1/change-requests?status=pending&service=burning-request")).json()) as { items: { id: number; approvals: unknown[] }[] };
    expect(pending.items).toEqual([expect.objectContaining({ id, approvals: [] })]);
    expect(await version("burning-request")).toBe(0);
  });
});
