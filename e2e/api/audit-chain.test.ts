import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/client";
import { createToken } from "@/lib/domain/access/service-tokens";
import { systemCtx } from "@/lib/domain/context";
import { seedPersonalToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { lastAuditId } from "../support/rows";

let app: TestApp;
let admin: Caller;

beforeAll(async () => {
  app = await startApp();
  const { email } = await seedUser(app.database.db, "admin");
  admin = app.caller({ bearer: await seedPersonalToken(app.database.db, email) });
});
afterAll(() => app?.stop());

async function verify() {
  const res = await admin.get("/api/v1/audit/verify");
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; count: number; head: string | null; firstBadId: number | null };
}

async function verifyFully(after?: number) {
  const res = await admin.get(`/api/v1/audit/verify?full=true${after ? `&after=${after}` : ""}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; count: number; head: string | null; firstBadId: number | null; next: number | null };
}

async function auditCount(): Promise<number> {
  const [row] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from audit_events`;
  return row!.n;
}

describe("the audit chain", () => {
  it("stays valid after 200 concurrent audited mutations from two connection pools and over HTTP", async () => {
    const pools = [connect(app.databaseUrl, 10), connect(app.databaseUrl, 10)];
    try {
      const before = await auditCount();
      const viaPool = (i: number) => createToken(systemCtx(), { name: unique(`chain-${i}`), service: "chain" }, pools[i % 2]!.db);
      const viaHttp = async (i: number) => {
        const res = await admin.post("/api/v1/tokens", { name: unique(`chain-http-${i}`), service: "chain" });
        expect(res.status).toBe(201);
      };
      await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 5 === 4 ? viaHttp(i) : viaPool(i))));

      expect(await auditCount()).toBe(before + 200);
      const [head] = await app.database.sql<{ hash: string }[]>`select hash from audit_events order by id desc limit 1`;
      expect(await verify()).toMatchObject({ ok: true, count: before + 200, head: head!.hash, firstBadId: null });
      expect(await verifyFully()).toMatchObject({ ok: true, count: before + 200, head: head!.hash, firstBadId: null, next: null });
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });

  it.each([
    ["UPDATE", "update audit_events set reason = 'rewritten'"],
    ["DELETE", "delete from audit_events"],
    ["TRUNCATE", "truncate audit_events"],
  ])("refuses %s even from the tables' owner (the triggers; the console's own role lacks the privilege)", async (_, statement) => {
    const before = await auditCount();
    await expect(app.database.sql.unsafe(statement)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
    expect((await verify()).ok).toBe(true);
  });

  // Last in the file: the chain of this database stays broken afterwards.
  it("names the first tampered row when a superuser rewrites one with triggers off: the full check from genesis, the badge's from its checkpoint", async () => {
    // The badge's check leaves a checkpoint at the head; it reads only the events after it from then on.
    expect((await verify()).ok).toBe(true);
    const last = await lastAuditId(app.database.sql);
    const [victim] = await app.database.sql<{ id: number }[]>`select id::int as id from audit_events where id < ${last} order by id desc limit 1 offset 50`;
    const victimId = victim!.id;
    await app.database.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update audit_events set reason = 'nothing to see here' where id = ${victimId}`;
    });
    const [valid] = await app.database.sql<{ n: number }[]>`select count(*)::int as n from audit_events where id < ${victimId}`;

    expect(await verifyFully()).toMatchObject({ ok: false, firstBadId: victimId, count: valid!.n, next: null });
    expect((await verify()).ok).toBe(true);

    const [checkpoint] = await app.database.sql<{ id: number }[]>`select max(audit_id)::int as id from audit_checkpoints`;
    await app.database.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update audit_events set hash = ${"f".repeat(64)} where id = ${checkpoint!.id}`;
    });
    expect(await verify()).toMatchObject({ ok: false, firstBadId: checkpoint!.id });
  });
});
