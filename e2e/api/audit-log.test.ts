import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

let app: TestApp;
let admin: Caller;
let adminEmail: string;
let viewerEmail: string;

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "admin");
  adminEmail = user.email;
  admin = await app.signedIn(user.email, user.password);
  const viewer = await seedUser(app.database.db, "viewer");
  viewerEmail = viewer.email;
  const refused = await app.caller({ bearer: await seedPersonalToken(app.database.db, viewer.email) }).post("/api/v1/users", { email: "x@example.com", role: "admin" });
  expect(refused.status).toBe(403);
  expect((await admin.post("/api/v1/tokens", { name: "audited-token", service: "svc" })).status).toBe(201);
});
afterAll(() => app?.stop());

interface AuditPage {
  events: {
    id: number;
    actor: string;
    action: string;
    target: string | null;
    outcome: string;
    before: unknown;
    after: unknown;
    tokenId: string | null;
    tokenName: string | null;
    prevHash: string;
    hash: string;
  }[];
  nextBefore: number | null;
}

async function page(query: string): Promise<AuditPage> {
  const res = await admin.get(`/api/v1/audit${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

describe("GET /api/v1/audit", () => {
  it("lists events newest first, each linked to the one before", async () => {
    const { events } = await page("");
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < events.length; i++) {
      expect(events[i - 1]!.id).toBeGreaterThan(events[i]!.id);
      expect(events[i - 1]!.prevHash).toBe(events[i]!.hash);
    }
  });

  it("filters by action, actor and target", async () => {
    expect((await page("?action=auth.login")).events.map((e) => [e.action, e.actor])).toEqual([["auth.login", adminEmail]]);
    const byActor = await page(`?actor=${encodeURIComponent(viewerEmail)}`);
    expect(byActor.events.map((e) => [e.action, e.outcome])).toEqual([["user.create", "denied"]]);
    expect((await page("?target=audited-token")).events.map((e) => e.action)).toEqual(["token.create"]);
  });

  it("pages with `before`", async () => {
    const first = await page("?limit=2");
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toBe(first.events[1]!.id);
    const second = await page(`?limit=2&before=${first.nextBefore}`);
    expect(second.events[0]!.id).toBeLessThan(first.nextBefore!);
  });

  it("refuses a malformed filter", async () => {
    expect((await admin.get("/api/v1/audit?from=yesterday")).status).toBe(400);
    expect((await admin.get("/api/v1/audit?limit=0")).status).toBe(400);
  });

  it("exports CSV", async () => {
    const res = await admin.get("/api/v1/audit?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("id,at,actor,role,action,target,outcome,count,reason,before,after,ip,userAgent,requestId,tokenId,tokenName,prevHash,hash");
    expect(lines.some((l) => l.includes(",auth.login,") && l.includes(adminEmail))).toBe(true);
    expect(lines.some((l) => l.includes(",user.create,") && l.includes(",denied,"))).toBe(true);
    expect(lines.length - 1).toBe((await page("")).events.length);
  });

  it("never shows a token's secret value", async () => {
    const created = (await (await admin.post("/api/v1/tokens", { name: "secret-check", service: "svc" })).json()) as { token: string };
    const csv = await (await admin.get("/api/v1/audit?format=csv")).text();
    const json = await (await admin.get("/api/v1/audit")).text();
    expect(csv).not.toContain(created.token);
    expect(json).not.toContain(created.token);
  });

  it("names the personal token an event was made with, so a token one admin minted for another does not pass for its owner", async () => {
    const other = await seedUser(app.database.db, "admin");
    const res = await admin.post("/api/v1/tokens", { name: unique("minted-for-other"), user: other.email });
    expect(res.status).toBe(201);
    const bearer = (await res.json()) as { token: string; name: string };
    const [row] = await app.database.sql<{ id: string }[]>`select id from tokens where name = ${bearer.name}`;

    const viaToken = app.caller({ bearer: bearer.token });
    const target = unique("made-with-token");
    expect((await viaToken.post("/api/v1/tokens", { name: target, service: "svc" })).status).toBe(201);
    const viaSession = await app.signedIn(other.email, other.password);
    const sessionTarget = unique("made-with-session");
    expect((await viaSession.post("/api/v1/tokens", { name: sessionTarget, service: "svc" })).status).toBe(201);

    const [withToken] = (await page(`?target=${target}`)).events;
    expect(withToken).toMatchObject({ actor: other.email, action: "token.create", tokenId: row!.id, tokenName: bearer.name });
    const [withSession] = (await page(`?target=${sessionTarget}`)).events;
    expect(withSession).toMatchObject({ actor: other.email, tokenId: null, tokenName: null });
    const csv = await (await admin.get(`/api/v1/audit?format=csv&target=${target}`)).text();
    expect(csv).toContain(`,${row!.id},${bearer.name},`);
    const chain = (await (await admin.get("/api/v1/audit/verify?full=true")).json()) as { ok: boolean };
    expect(chain.ok).toBe(true);
  });
});
