import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type Database } from "@/lib/db/client";
import { seedPersonalToken, seedServiceToken, seedUser, unique } from "../support/accounts";
import { Caller, signIn } from "../support/http";
import { startPgBouncer, type TestPgBouncer } from "../support/pgbouncer";
import { startServer, type Server } from "../support/server";
import { sseReader } from "../support/sse";
import { createTestDatabase, runtimeUrlFor, type TestDatabase } from "../support/test-database";
import { until } from "../support/until";

/**
 * A console whose DATABASE_URL goes through a real PgBouncer: in session mode it works, live events
 * included; in transaction mode its start-up check finds the pooler and keeps it out of rotation.
 * The test owns the database; each mode has its own PgBouncer and console, started side by side.
 */

/** Far longer than a one-row query takes on this machine, loaded or not. */
const UNANSWERED_MS = 15_000;

let testDatabase: TestDatabase;
let database: Database;
const bouncers: TestPgBouncer[] = [];
let session: { bouncer: TestPgBouncer; server: Server };
let transaction: { bouncer: TestPgBouncer; server: Server };

async function behind(mode: "session" | "transaction") {
  const bouncer = await startPgBouncer(runtimeUrlFor(testDatabase.url), mode);
  bouncers.push(bouncer);
  return { bouncer, server: await startServer(bouncer.url) };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(inject("testDatabaseServer"));
  database = connect(testDatabase.url, 4);
  [session, transaction] = await Promise.all([behind("session"), behind("transaction")]);
}, 180_000);

afterAll(async () => {
  await Promise.all([session?.server.stop(), transaction?.server.stop()]);
  await Promise.all(bouncers.map((b) => b.stop()));
  await database?.close();
  await testDatabase?.drop();
});

async function ready(server: Server): Promise<{ code: number; message: string | null }> {
  const res = await fetch(`${server.url}/api/ready`);
  return { code: res.status, message: ((await res.json()) as { message?: string }).message ?? null };
}

describe("behind PgBouncer in session mode", () => {
  it("is ready, and a browser's event stream sees a flip made through it", { timeout: 90_000 }, async () => {
    const { server, bouncer } = session;
    expect(await until(() => ready(server), (r) => r.code === 200, 30_000), bouncer.log()).toEqual({ code: 200, message: null });
    const { db } = database;
    const service = unique("pooled");
    const fleet = new Caller(server.url, { bearer: (await seedServiceToken(db, "*")).token });
    const operator = new Caller(server.url, { bearer: await seedPersonalToken(db, (await seedUser(db, "operator")).email) });
    expect((await fleet.post("/api/v1/report", { service, instance: unique("i"), controlRevision: 0 })).status).toBe(200);
    const viewer = await seedUser(db, "viewer");
    const signedIn = await signIn(server.url, viewer.email, viewer.password);
    if (!signedIn.ok) throw new Error(`sign-in through PgBouncer failed: ${signedIn.error}`);
    const res = await fetch(`${server.url}/api/v1/stream`, { headers: { cookie: signedIn.cookie } });
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    try {
      expect((await operator.send("PUT", `/api/v1/services/${service}/mode`, { json: { mode: "emergency", reason: "pgbouncer test" } })).status).toBe(200);
      const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no mode event through PgBouncer in 20 s")), 20_000));
      for (;;) {
        const event = await Promise.race([stream.next(), deadline]);
        if (event.event === "mode" && event.data.includes(service)) break;
      }
    } finally {
      await stream.close();
    }
    const control = (await (await fleet.get(`/api/v1/control/${service}`)).json()) as { mode: { desired: string } };
    expect(control.mode.desired).toBe("emergency");
  });
});

describe("behind PgBouncer in transaction mode", () => {
  it("finds the pooler at start and answers /api/ready with 503 and why", { timeout: 90_000 }, async () => {
    const { server, bouncer } = transaction;
    // The check waits up to 10 s for its notification; until then readiness has no verdict.
    const answer = await until(() => ready(server), (r) => r.code === 503 && /transaction mode/.test(r.message ?? ""), 45_000);
    expect(answer, bouncer.log()).toEqual({ code: 503, message: expect.stringContaining("connection pooler in transaction mode") });
  });

  it("leaves concurrent queries on postgres.js's named prepared statements unanswered, which prepare: false avoids", { timeout: 90_000 }, async () => {
    const { bouncer } = transaction;
    const tally = async (prepare: boolean) => {
      const pool = postgres(bouncer.url, { max: 4, prepare, onnotice: () => {} });
      const answered = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          Promise.race([pool`select ${i}::int as n from services limit 1`.then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), UNANSWERED_MS))]),
        ),
      );
      // A connection still waiting for its answer would hold `end` open; it is cut instead.
      await Promise.race([pool.end({ timeout: 1 }), new Promise((resolve) => setTimeout(resolve, 3_000))]);
      return answered.filter(Boolean).length;
    };
    expect(await tally(false)).toBe(40);
    expect(await tally(true)).toBeLessThan(40);
  });
});
