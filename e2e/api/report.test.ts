import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeToken } from "@/lib/domain/access/service-tokens";
import { systemCtx } from "@/lib/domain/context";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { auditAfter, lastAuditId } from "../support/rows";

let app: TestApp;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
});
afterAll(() => app?.stop());

interface ServiceList {
  services: { name: string; health: string; instances: { instance: string; environment: string; health: string; lastSeen: string; stale: boolean }[] }[];
}

const controlDocument = (service: string) => ({
  service,
  revision: expect.any(Number),
  mode: { desired: expect.any(String), source: expect.stringMatching(/^(automatic|manual)$/), reason: null, setBy: null, expiresAt: null },
  breakers: expect.any(Object),
  config: expect.any(Object),
});

describe("POST /api/v1/report", () => {
  it("with a service token creates the service and the instance and answers the control document", async () => {
    const { name, token } = await seedServiceToken(app.database.db, "checkout");
    const since = await lastAuditId(app.database.sql);
    const res = await app.caller({ bearer: token }).post("/api/v1/report", {
      service: "checkout",
      instance: "checkout-7f9c",
      environment: "staging",
      health: { status: "degraded", checks: { db: "healthy", llm: "degraded" } },
      queueDepth: 3,
      unknownField: "ignored",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(controlDocument("checkout"));

    const list = (await (await viewer.get("/api/v1/services")).json()) as ServiceList;
    const service = list.services.find((s) => s.name === "checkout");
    expect(service).toMatchObject({ health: "degraded", instances: [{ instance: "checkout-7f9c", environment: "staging", health: "degraded", stale: false }] });
    expect(Date.parse(service!.instances[0]!.lastSeen)).not.toBeNaN();
    expect(await auditAfter(app.database.sql, since)).toEqual([
      expect.objectContaining({ action: "service.report", actor: `token:${name}`, role: "service", target: "instance:checkout/checkout-7f9c", outcome: "ok" }),
    ]);
  });

  it("with only the required fields takes the defaults", async () => {
    const { token } = await seedServiceToken(app.database.db, "minimal");
    const res = await app.caller({ bearer: token }).post("/api/v1/report", { service: "minimal", instance: "m-1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(controlDocument("minimal"));
    const list = (await (await viewer.get("/api/v1/services")).json()) as ServiceList;
    expect(list.services.find((s) => s.name === "minimal")?.instances).toEqual([
      expect.objectContaining({ instance: "m-1", environment: "production", health: "healthy" }),
    ]);
  });

  it("a second report updates the same instance", async () => {
    const { token } = await seedServiceToken(app.database.db, "repeat");
    const reporter = app.caller({ bearer: token });
    await reporter.post("/api/v1/report", { service: "repeat", instance: "r-1", health: { status: "healthy" } });
    expect((await reporter.post("/api/v1/report", { service: "repeat", instance: "r-1", health: { status: "unhealthy" } })).status).toBe(200);
    const list = (await (await viewer.get("/api/v1/services")).json()) as ServiceList;
    expect(list.services.find((s) => s.name === "repeat")).toMatchObject({ health: "unhealthy", instances: [{ instance: "r-1", health: "unhealthy" }] });
  });

  it("a token scoped to `*` may report for any service", async () => {
    const reporter = app.caller({ bearer: (await seedServiceToken(app.database.db, "*")).token });
    for (const service of ["alpha", "beta"]) {
      const res = await reporter.post("/api/v1/report", { service, instance: `${service}-1` });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(controlDocument(service));
    }
  });

  it("a token scoped to one service may not report for another, and nothing is stored", async () => {
    const reporter = app.caller({ bearer: (await seedServiceToken(app.database.db, "checkout")).token });
    const res = await reporter.post("/api/v1/report", { service: "payments", instance: "p-1" });
    expect(res.status).toBe(403);
    const [row] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from services where name = 'payments'`;
    expect(row!.n).toBe(0);
  });

  it("a revoked token is refused", async () => {
    const { name, token } = await seedServiceToken(app.database.db, "revoked");
    const reporter = app.caller({ bearer: token });
    expect((await reporter.post("/api/v1/report", { service: "revoked", instance: "x" })).status).toBe(200);
    await revokeToken(systemCtx(), { name }, app.database.db);
    expect((await reporter.post("/api/v1/report", { service: "revoked", instance: "x" })).status).toBe(401);
  });
});
