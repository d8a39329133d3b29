import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlDocument } from "@/lib/domain/control/document";
import type { ServiceBreakers } from "@/lib/domain/breakers/types";
import { seedPersonalToken, seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId, rowCounts } from "../support/rows";
import { until } from "../support/until";

const SERVICE = "upload-service";
const OVERRIDE = `/api/v1/services/${SERVICE}/breakers/s3/override`;

let app: TestApp;
let fleet: Caller;
let operator: Caller;
let operatorEmail: string;
const callers: Record<"viewer" | "responder", Caller> = {} as never;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  fleet = app.caller({ bearer: (await seedServiceToken(db, SERVICE)).token });
  const op = await seedUser(db, "operator");
  operatorEmail = op.email;
  operator = app.caller({ bearer: await seedPersonalToken(db, op.email) });
  for (const role of ["viewer", "responder"] as const) {
    const user = await seedUser(db, role);
    callers[role] = await app.signedIn(user.email, user.password);
  }
  for (const instance of ["up-1", "up-2"]) {
    const res = await fleet.post("/api/v1/report", { service: SERVICE, instance, breakers: [{ name: "s3", state: "closed" }] });
    expect(res.status).toBe(200);
  }
});
afterAll(() => app?.stop());

async function control(): Promise<ControlDocument> {
  const res = await fleet.get(`/api/v1/control/${SERVICE}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ControlDocument;
}


describe("breaker overrides", () => {
  it.each(["viewer", "responder"] as const)("are refused to a %s, writing nothing but the refusal", async (role) => {
    const before = await rowCounts(app.database.sql);
    const res = await callers[role].send("PUT", OVERRIDE, { json: { override: "forced_open", reason: "trying" } });
    expect(res.status).toBe(403);
    expect(await rowCounts(app.database.sql)).toEqual({ ...before, audit_events: before.audit_events! + 1 });
  });

  it("force a breaker for every instance through the control document, with who, why and until when", async () => {
    const { revision } = await control();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const res = await operator.send("PUT", OVERRIDE, { json: { override: "forced_open", reason: "s3 is throttling us", expiresAt } });
    expect(res.status).toBe(200);
    const document = (await res.json()) as ControlDocument;
    expect(document.revision).toBe(revision + 1);
    expect(document.breakers).toEqual({ s3: { override: "forced_open", reason: "s3 is throttling us", expiresAt } });
    expect(await control()).toEqual(document);

    const drill = (await (await callers.viewer.get(`/api/v1/services/${SERVICE}/breakers`)).json()) as ServiceBreakers;
    expect(drill.breakers[0]).toMatchObject({
      breaker: "s3",
      state: "forced_open",
      override: { override: "forced_open", reason: "s3 is throttling us", setBy: operatorEmail, expiresAt },
    });
    expect(drill.breakers[0]!.transitions[0]).toMatchObject({ from: "none", to: "forced_open", source: "override", actor: operatorEmail, instance: null });

    const cleared = await operator.send("PUT", OVERRIDE, { json: { override: "none", reason: "s3 recovered" } });
    expect(cleared.status).toBe(200);
    expect(((await cleared.json()) as ControlDocument).breakers).toEqual({});
  });

  it("clear themselves at their expiry, audited as the system", async () => {
    const since = await lastAuditId(app.database.sql);
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const res = await operator.send("PUT", OVERRIDE, { json: { override: "forced_closed", reason: "hold it closed briefly", expiresAt } });
    expect(res.status).toBe(200);
    expect((await control()).breakers.s3?.override).toBe("forced_closed");

    const after = await until(control, (d) => d.breakers.s3 === undefined);
    expect(after.breakers).toEqual({});
    const audit = await auditAfter(app.database.sql, since);
    expect(audit.map((e) => [e.action, e.actor, e.outcome])).toEqual([
      ["breaker.override", operatorEmail, "ok"],
      ["breaker.override.expire", "system", "ok"],
    ]);
    const [expiry] = await app.database.sql<{ source: string; actor: string }[]>`
      select source, actor from breaker_transitions where service = ${SERVICE} order by id desc limit 1`;
    expect(expiry).toEqual({ source: "expiry", actor: "system" });
  });

  it("refuse an expiry in the past, an unknown breaker and a missing reason", async () => {
    const past = await operator.send("PUT", OVERRIDE, { json: { override: "forced_open", reason: "too late", expiresAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ error: "validation", issues: [{ path: "expiresAt" }] });
    const unknown = await operator.send("PUT", `/api/v1/services/${SERVICE}/breakers/nope/override`, { json: { override: "forced_open", reason: "typo" } });
    expect(unknown.status).toBe(404);
    const reasonless = await operator.send("PUT", OVERRIDE, { json: { override: "forced_open", reason: "" } });
    expect(reasonless.status).toBe(400);
  });
});
