import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlDocument } from "@/lib/domain/control/document";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId } from "../support/rows";

const SERVICE = "graph-ingest";
const CONTROL = `/api/v1/control/${SERVICE}`;
const MODE = `/api/v1/services/${SERVICE}/mode`;

let app: TestApp;
let fleet: Caller;
let operator: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  fleet = app.caller({ bearer: (await seedServiceToken(db, SERVICE)).token });
  const op = await seedUser(db, "operator");
  operator = app.caller({ bearer: await seedPersonalToken(db, op.email) });
  expect((await fleet.post("/api/v1/report", { service: SERVICE, instance: "gi-1", mode: "normal", automaticMode: "normal" })).status).toBe(200);
});
afterAll(() => app?.stop());

async function current(): Promise<{ etag: string; document: ControlDocument }> {
  const res = await fleet.get(CONTROL);
  expect(res.status).toBe(200);
  return { etag: res.headers.get("etag")!, document: (await res.json()) as ControlDocument };
}

function longPoll(etag: string, waitSeconds: number, signal?: AbortSignal) {
  const started = Date.now();
  return fetch(new URL(`${CONTROL}?wait=${waitSeconds}&instance=gi-1`, app.url), {
    headers: { authorization: fleet.credentials && "bearer" in fleet.credentials ? `Bearer ${fleet.credentials.bearer}` : "", "if-none-match": etag },
    signal,
  }).then((res) => ({ res, elapsedMs: Date.now() - started }));
}

describe("the control document's long-poll", () => {
  it("answers 200 at once when the ETag is not the current one", async () => {
    const { document } = await current();
    const { res } = await longPoll('"-1"', 30);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(document);
  });

  it("answers 304 with the same ETag when nothing changed during the wait", async () => {
    const { etag } = await current();
    const { res, elapsedMs } = await longPoll(etag, 1);
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(etag);
    expect(elapsedMs).toBeGreaterThanOrEqual(900);
  });

  it("answers a waiting instance as soon as a flip commits, long before the wait ends", async () => {
    const { etag } = await current();
    const waiting = longPoll(etag, 30);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const flipped = await operator.send("PUT", MODE, { json: { mode: "emergency", reason: "flip under a long-poll" } });
    expect(flipped.status).toBe(200);
    const { res, elapsedMs } = await waiting;
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).not.toBe(etag);
    expect(((await res.json()) as ControlDocument).mode).toMatchObject({ desired: "emergency", source: "manual" });
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it("stops waiting when the client goes away and keeps serving others", async () => {
    const { etag } = await current();
    const controller = new AbortController();
    const abandoned = longPoll(etag, 30, controller.signal).catch((error: unknown) => error);
    setTimeout(() => controller.abort(), 200);
    expect(await abandoned).toBeInstanceOf(Error);
    expect((await current()).etag).toBe(etag);
  });

  it("wakes waiting instances when a flip expires, audited as the system", async () => {
    const since = await lastAuditId(app.database.sql);
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const res = await operator.send("PUT", MODE, { json: { mode: "local_queue", reason: "brief flip", expiresAt } });
    expect(res.status).toBe(200);
    const { etag } = await current();
    const { res: woken, elapsedMs } = await longPoll(etag, 30);
    expect(woken.status).toBe(200);
    expect(((await woken.json()) as ControlDocument).mode).toEqual({ desired: "normal", source: "automatic", reason: null, setBy: null, expiresAt: null });
    expect(elapsedMs).toBeLessThan(30_000);
    const audit = await auditAfter(app.database.sql, since);
    expect(audit.map((e) => [e.action, e.actor])).toContainEqual(["mode.expire", "system"]);
  });

  it("refuses a wait over 60 seconds", async () => {
    const { etag } = await current();
    const { res } = await longPoll(etag, 61);
    expect(res.status).toBe(400);
  });
});
