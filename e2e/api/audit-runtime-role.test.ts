import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { seedPersonalToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { lastAuditId } from "../support/rows";
import { until } from "../support/until";

/**
 * The console connects as a runtime role that may only add and read audit rows and checkpoints;
 * the tables' owner migrates. A tail cut by the owner, triggers off, is caught against the
 * checkpoints, the chain's anchors.
 */

interface Report {
  ok: boolean;
  count: number;
  firstBadId: number | null;
  next?: number | null;
  anchor: { auditId: number; hash: string; count: number; verifiedAt: string } | null;
}

let app: TestApp;
let admin: Caller;
let runtime: Database;

beforeAll(async () => {
  // The anchoring job runs once at start and then not again during the file, so the test decides when anchors are written.
  app = await startApp({ env: { AUDIT_ANCHOR_SECONDS: "3600" } });
  const { email } = await seedUser(app.database.db, "admin");
  admin = app.caller({ bearer: await seedPersonalToken(app.database.db, email) });
  runtime = connect(app.databaseUrl, 2);
});
afterAll(async () => {
  await runtime?.close();
  await app?.stop();
});

async function verify(query = ""): Promise<Report> {
  const res = await admin.get(`/api/v1/audit/verify${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

async function audited(): Promise<void> {
  expect((await admin.post("/api/v1/tokens", { name: unique("anchored"), service: "svc" })).status).toBe(201);
}

describe("the console's runtime role", () => {
  it("is not a superuser and owns none of the tables", async () => {
    const [me] = await runtime.sql<{ role: string; superuser: boolean }[]>`select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`;
    expect(me!.superuser).toBe(false);
    const owned = await runtime.sql`select tablename from pg_tables where schemaname = 'public' and tableowner = current_user`;
    expect(owned).toEqual([]);
  });

  it.each([
    ["UPDATE an event", "update audit_events set reason = 'rewritten'"],
    ["DELETE events", "delete from audit_events where id > 0"],
    ["TRUNCATE the events", "truncate audit_events"],
    ["disable the events' triggers", "alter table audit_events disable trigger user"],
    ["drop a trigger", "drop trigger audit_events_no_update_delete on audit_events"],
    ["turn triggers off for its session", "set session_replication_role = replica"],
    ["UPDATE a checkpoint", "update audit_checkpoints set hash = 'x'"],
    ["DELETE checkpoints", "delete from audit_checkpoints"],
    ["TRUNCATE the checkpoints", "truncate audit_checkpoints"],
    ["disable the checkpoints' triggers", "alter table audit_checkpoints disable trigger all"],
  ])("may not %s", async (_, statement) => {
    await audited();
    const before = await verify();
    await expect(runtime.sql.unsafe(statement)).rejects.toMatchObject({ code: "42501" });
    const after = await verify();
    expect(after.ok).toBe(true);
    expect(after.count).toBe(before.count);
  });

  it("may add and read audit rows, as every audited request over HTTP shows", async () => {
    const before = await lastAuditId(runtime.sql);
    await audited();
    expect(await lastAuditId(runtime.sql)).toBeGreaterThan(before);
    expect((await verify()).ok).toBe(true);
  });
});

describe("the chain's anchor", () => {
  it("is the newest checkpoint, at the head once verified, and the Audit page shows it", async () => {
    const person = await seedUser(app.database.db, "admin");
    const session = await app.signedIn(person.email, person.password);
    await audited();
    const html = await session.get("/audit").then((r) => r.text());
    const [head] = await app.database.sql<{ id: number; hash: string }[]>`select id::int as id, hash from audit_events order by id desc limit 1`;
    expect(html).toMatch(new RegExp(`data-testid="chain-anchor"[^]*?title="${head!.hash}"`));
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.anchor).toMatchObject({ auditId: head!.id, hash: head!.hash, count: report.count });
  });

  // Last in the file: the chain of this database stays broken afterwards.
  it("catches a tail the owner cut with the triggers off and appended to again, in the badge's check and the full one", async () => {
    await audited();
    const anchored = (await verify()).anchor!;
    const cutFrom = anchored.auditId - 2;
    await app.database.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`delete from audit_events where id >= ${cutFrom}`;
    });
    // The chain appended to after the cut links up again: only the anchors know what is gone.
    await audited();

    expect(await verify()).toMatchObject({ ok: false, firstBadId: anchored.auditId });
    const full = await verify("?full=true");
    expect(full.ok).toBe(false);
    const [lost] = await app.database.sql<{ id: number }[]>`select min(audit_id)::int as id from audit_checkpoints where audit_id >= ${cutFrom}`;
    expect(full.firstBadId).toBe(lost!.id);
  });
});

describe("the anchoring job", () => {
  it("anchors the head by itself every AUDIT_ANCHOR_SECONDS, with no one verifying", async () => {
    const own = await startApp({ env: { AUDIT_ANCHOR_SECONDS: "1" } });
    try {
      const { email } = await seedUser(own.database.db, "admin");
      const caller = own.caller({ bearer: await seedPersonalToken(own.database.db, email) });
      expect((await caller.post("/api/v1/tokens", { name: unique("job-anchored"), service: "svc" })).status).toBe(201);
      const head = await lastAuditId(own.database.sql);
      const anchored = await until(
        async () => (await own.database.sql<{ id: number | null }[]>`select max(audit_id)::int as id from audit_checkpoints`)[0]!.id,
        (id) => id !== null && id >= head,
      );
      expect(anchored).toBeGreaterThanOrEqual(head);
    } finally {
      await own.stop();
    }
  });
});
