import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAlerts } from "@/lib/domain/alerts/ingest";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { systemCtx } from "@/lib/domain/context";
import { setMode } from "@/lib/domain/modes/set-mode";
import { ingestReport } from "@/lib/domain/services/ingest-report";
import { seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

let app: TestApp;
let viewer: Caller;
const SERVICE = "annotated";

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "viewer");
  viewer = await app.signedIn(user.email, user.password);
});
afterAll(() => app?.stop());

interface Annotation {
  at: string;
  kind: string;
  title: string;
  detail: string | null;
  href: string;
}

describe("GET /api/v1/metrics/annotations", () => {
  it("gathers the changes around a service from where each is recorded, oldest first", async () => {
    const { db } = app.database;
    const ctx = systemCtx();
    const from = new Date(Date.now() - 1_000).toISOString();
    await ingestReport(ctx, { service: SERVICE, instance: "a-1", breakers: [{ name: "openai", state: "closed" }] }, db);
    await ingestReport(ctx, { service: SERVICE, instance: "a-1", breakers: [{ name: "openai", state: "open" }] }, db);
    await setMode(ctx, { service: SERVICE, mode: "local_queue", reason: "openai is down" }, db);
    await setBreakerOverride(ctx, { service: SERVICE, breaker: "openai", override: "forced_open", reason: "keep it open" }, db);
    await ingestAlerts(ctx, [{ labels: { alertname: "OpenaiDown", service: SERVICE, severity: "critical" } }], db);
    await ingestReport(ctx, { service: "elsewhere", instance: "e-1" }, db);
    await setMode(ctx, { service: "elsewhere", mode: "emergency", reason: "not this service" }, db);

    const res = await viewer.get(`/api/v1/metrics/annotations?service=${SERVICE}&from=${from}`);
    expect(res.status).toBe(200);
    const { annotations } = (await res.json()) as { annotations: Annotation[] };
    expect(annotations.map((a) => [a.kind, a.title, a.href])).toEqual([
      ["breaker", "openai open", `/breakers/${SERVICE}/openai`],
      ["mode", "mode.set local_queue", "/modes"],
      ["override", "breaker.override forced_open", `/breakers/${SERVICE}/openai`],
      ["alert", "OpenaiDown firing", "/alerts"],
    ]);
    expect(annotations[1]!.detail).toContain("openai is down");
    expect(annotations.map((a) => a.at)).toEqual([...annotations.map((a) => a.at)].sort());
  });

  it("refuses a range that ends before it starts", async () => {
    const res = await viewer.get(`/api/v1/metrics/annotations?service=${SERVICE}&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect(res.status).toBe(400);
  });
});
