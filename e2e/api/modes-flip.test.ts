import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { systemCtx } from "@/lib/domain/context";
import type { ControlDocument } from "@/lib/domain/control/document";
import { expireMode } from "@/lib/domain/modes/expire-mode";
import type { ServiceView } from "@/lib/domain/services/list-services";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId, rowCounts } from "../support/rows";

const SERVICE = "llm-gateway";
const MODE = `/api/v1/services/${SERVICE}/mode`;

let app: TestApp;
let fleet: Caller;
let operator: Caller;
let operatorEmail: string;
let viewer: Caller;
let responder: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  fleet = app.caller({ bearer: (await seedServiceToken(db, SERVICE)).token });
  const op = await seedUser(db, "operator");
  operatorEmail = op.email;
  operator = await app.signedIn(op.email, op.password);
  const v = await seedUser(db, "viewer");
  viewer = app.caller({ bearer: await seedPersonalToken(db, v.email) });
  const r = await seedUser(db, "responder");
  responder = await app.signedIn(r.email, r.password);
  for (const [instance, automaticMode] of [["gw-1", "reduced_performance"], ["gw-2", "reduced_performance"], ["gw-3", "normal"]]) {
    const res = await fleet.post("/api/v1/report", { service: SERVICE, instance, mode: automaticMode, automaticMode });
    expect(res.status).toBe(200);
  }
});
afterAll(() => app?.stop());

async function control(): Promise<ControlDocument> {
  const res = await viewer.get(`/api/v1/control/${SERVICE}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("etag")).toMatch(/^"\d+"$/);
  return (await res.json()) as ControlDocument;
}

const flip = (caller: Caller, body: Record<string, unknown>) => caller.send("PUT", MODE, { json: body });

describe("mode flips", () => {
  it("follow the fleet's own choice until someone flips", async () => {
    expect((await control()).mode).toEqual({ desired: "reduced_performance", source: "automatic", reason: null, setBy: null, expiresAt: null });
  });

  it("set the desired mode with who, why and until when, and show convergence", async () => {
    const { revision } = await control();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const res = await flip(operator, { mode: "local_queue", reason: "openai outage", expiresAt, expectedRevision: revision });
    expect(res.status).toBe(200);
    const document = (await res.json()) as ControlDocument;
    expect(document).toMatchObject({ revision: revision + 1, mode: { desired: "local_queue", source: "manual", reason: "openai outage", setBy: operatorEmail, expiresAt } });

    await fleet.post("/api/v1/report", { service: SERVICE, instance: "gw-1", mode: "local_queue", automaticMode: "reduced_performance", queueDepth: 12 });
    const { services } = (await (await viewer.get("/api/v1/services")).json()) as { services: ServiceView[] };
    const service = services.find((s) => s.name === SERVICE)!;
    expect(service.desiredMode).toMatchObject({ mode: "local_queue", source: "manual", setBy: operatorEmail });
    expect(service.convergence).toMatchObject({ desired: "local_queue", live: 3, converged: 1 });
    expect(service.convergence.laggards.map((l) => l.instance)).toEqual(["gw-2", "gw-3"]);
  });

  it("with a stale revision get 409 with the current state and change nothing", async () => {
    const current = await control();
    const before = await rowCounts(app.database.sql);
    const res = await flip(operator, { mode: "emergency", reason: "late click", expectedRevision: current.revision - 1 });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "conflict", current });
    expect(await rowCounts(app.database.sql)).toEqual(before);
    expect(await control()).toEqual(current);
  });

  it("to a mode the service does not declare get 422", async () => {
    const res = await flip(operator, { mode: "turbo", reason: "no such mode" });
    expect(res.status).toBe(422);

    await fleet.post("/api/v1/report", { service: SERVICE, instance: "gw-1", modes: ["normal", "shed_load"] });
    expect((await flip(operator, { mode: "local_queue", reason: "not declared any more" })).status).toBe(422);
    expect((await flip(operator, { mode: "shed_load", reason: "declared now" })).status).toBe(200);
  });

  it("with an expiry in the past or no reason get 400", async () => {
    const past = await flip(operator, { mode: "normal", reason: "too late", expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect(past.status).toBe(400);
    expect((await flip(operator, { mode: "normal" })).status).toBe(400);
  });

  it.each([
    ["viewer", () => viewer],
    ["responder", () => responder],
  ])("are refused to a %s, writing nothing but the refusal", async (_, caller) => {
    const before = await rowCounts(app.database.sql);
    expect((await flip(caller(), { mode: "normal", reason: "trying" })).status).toBe(403);
    expect((await caller().delete(MODE, { reason: "trying" })).status).toBe(403);
    expect(await rowCounts(app.database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 2 });
  });

  it("are refused to a token of another service, and so is the control document", async () => {
    const foreign = app.caller({ bearer: (await seedServiceToken(app.database.db, "graph-ingest")).token });
    expect((await foreign.get(`/api/v1/control/${SERVICE}`)).status).toBe(403);
    expect((await flip(foreign, { mode: "normal", reason: "trying" })).status).toBe(403);
    expect((await fleet.get(`/api/v1/control/${SERVICE}`)).status).toBe(200);
    expect((await app.caller(null).get(`/api/v1/control/${SERVICE}`)).status).toBe(401);
  });

  it("clear back to the fleet's automatic mode, recorded in the history and the audit log", async () => {
    const since = await lastAuditId(app.database.sql);
    const res = await operator.delete(MODE, { reason: "outage over" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ControlDocument).mode).toEqual({ desired: "reduced_performance", source: "automatic", reason: null, setBy: null, expiresAt: null });
    const audit = await auditAfter(app.database.sql, since);
    expect(audit).toEqual([expect.objectContaining({ action: "mode.clear", actor: operatorEmail, reason: "outage over", outcome: "ok" })]);
    const [last] = await app.database.sql<{ from_mode: string; to_mode: string; source: string }[]>`
      select from_mode, to_mode, source from mode_changes where service = ${SERVICE} order by id desc limit 1`;
    expect(last).toEqual({ from_mode: "shed_load", to_mode: "reduced_performance", source: "manual" });
  });

  it("expire once however many processes run the expiry at the same moment", async () => {
    const flipped = await flip(operator, { mode: "shed_load", reason: "about to expire", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(flipped.status).toBe(200);
    const since = await lastAuditId(app.database.sql);
    await app.database.sql`update mode_overrides set expires_at = now() where service = ${SERVICE}`;
    const pools = [connect(app.databaseUrl, 2), connect(app.databaseUrl, 2)];
    try {
      await Promise.all(Array.from({ length: 6 }, (_, i) => expireMode(systemCtx(), { service: SERVICE }, pools[i % 2]!.db)));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    expect((await control()).mode.source).toBe("automatic");
    const expiries = (await auditAfter(app.database.sql, since)).filter((e) => e.action === "mode.expire");
    expect(expiries).toEqual([expect.objectContaining({ actor: "system", outcome: "ok" })]);
  });
});
