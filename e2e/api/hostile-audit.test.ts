import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_LIMITS } from "@/lib/domain/audit/append";
import { seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { signIn } from "../support/http";
import { auditAfter, lastAuditId, lastRefusal } from "../support/rows";

/**
 * Floods of refused requests over real HTTP: the audit log grows by a row a minute, not a row each,
 * and the address it records is the one the socket and the trusted proxy (127.0.0.1) vouch for.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startApp({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
});
afterAll(() => app?.stop());

/** Runs an attack beside a health check, so a console the attack froze fails the test. */
async function duringAttack<T>(attack: () => Promise<T>): Promise<T> {
  const [result, health] = await Promise.all([attack(), fetch(new URL("/api/health", app.url))]);
  expect(health.status).toBe(200);
  return result;
}

/** `total` requests, `parallel` at a time, each answered before the next of its lane starts. */
async function flood(total: number, parallel: number, send: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) {
        const res = await send(next++);
        await res.body?.cancel();
        statuses.push(res.status);
      }
    }),
  );
  return statuses;
}

async function tableBytes(table: string): Promise<number> {
  const [row] = await app.database.sql<{ n: number }[]>`select pg_total_relation_size(${table})::int as n`;
  return row!.n;
}

/** A GET sent from `localAddress` (any 127/8 address reaches a server on 127.0.0.1), answering its status. */
function getFrom(localAddress: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, app.url), { localAddress, headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("refused requests", () => {
  it("fold 400 bad-token POSTs from one address into one audit event that counts them", async () => {
    // A first refusal from elsewhere gives both tables their first pages, which any log has.
    expect(await getFrom("127.0.0.3", "/api/v1/alerts", {})).toBe(401);
    const since = await lastAuditId(app.database.sql);
    const bytesBefore = { audit: await tableBytes("audit_events"), folds: await tableBytes("audit_refusal_folds") };
    const statuses = await duringAttack(() =>
      flood(400, 8, (i) =>
        fetch(new URL("/api/v1/alerts", app.url), {
          method: "POST",
          headers: { authorization: `Bearer bw_not-a-token-${i}`, "content-type": "application/json", "x-forwarded-for": "198.51.100.77" },
          body: JSON.stringify([{ labels: { alertname: "Flood" } }]),
        }),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    const events = await auditAfter(app.database.sql, since);
    // A burst that straddles a minute boundary opens a second event.
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(2);
    expect(events.every((e) => e.action === "alert.ingest" && e.outcome === "denied" && e.actor === "anonymous")).toBe(true);
    const [row] = await app.database.sql<{ n: number }[]>`
      select coalesce(sum(f.count), 0)::int as n from audit_refusal_folds f where f.audit_id > ${since}`;
    expect(row!.n).toBe(400);
    // Before folding, this flood grew audit_events by 456 KiB. The folds' table holds one row per burst, rewritten in place.
    const grown = { audit: (await tableBytes("audit_events")) - bytesBefore.audit, folds: (await tableBytes("audit_refusal_folds")) - bytesBefore.folds };
    expect(grown.audit).toBeLessThanOrEqual(16 * 1024);
    expect(grown.folds).toBeLessThanOrEqual(96 * 1024);
  });

  it("cap every stored field, whatever the request sends", async () => {
    const since = await lastAuditId(app.database.sql);
    const res = await duringAttack(() =>
      fetch(new URL(`/api/v1/services/${"s".repeat(3000)}/breakers`, app.url), {
        headers: { "user-agent": "u".repeat(6000), "x-request-id": "r".repeat(3000), "x-forwarded-for": "1".repeat(2000) },
      }),
    );
    expect(res.status).toBe(401);
    const [event] = await app.database.sql<{ target: string; user_agent: string; request_id: string; ip: string }[]>`
      select target, user_agent, request_id, ip from audit_events where id > ${since} order by id limit 1`;
    expect(event!.target.length).toBeLessThanOrEqual(FIELD_LIMITS.target);
    expect(event!.user_agent.length).toBeLessThanOrEqual(FIELD_LIMITS.userAgent);
    expect(event!.request_id.length).toBeLessThanOrEqual(FIELD_LIMITS.requestId);
    expect(event!.ip.length).toBeLessThanOrEqual(FIELD_LIMITS.ip);
  });
});

describe("the recorded address", () => {
  it("believes X-Forwarded-For only from a trusted proxy, and only the hop that proxy appended", async () => {
    const since = await lastAuditId(app.database.sql);
    const path = `/api/v1/services/${unique("svc")}/breakers`;
    expect(await getFrom("127.0.0.2", path, { "x-forwarded-for": "203.0.113.50" })).toBe(401);
    expect(await getFrom("127.0.0.1", path, { "x-forwarded-for": "203.0.113.50, 198.51.100.9" })).toBe(401);
    expect((await auditAfter(app.database.sql, since)).map((e) => e.ip)).toEqual(["127.0.0.2", "198.51.100.9"]);
  });
});

describe("a sign-in flood", () => {
  it("writes no audit row per attempt past the limit, and the account's owner still gets in from elsewhere", async () => {
    const owner = await seedUser(app.database.db, "admin");
    const attacker = { "x-forwarded-for": "203.0.113.66" };
    const since = await lastAuditId(app.database.sql);
    const results = await duringAttack(async () => {
      const all = [];
      for (let i = 0; i < 40; i++) all.push(await signIn(app.url, owner.email, `guess-${i}`, attacker));
      return all;
    });
    expect(results.slice(0, 10).every((r) => !r.ok && r.error === "CredentialsSignin")).toBe(true);
    expect(results.slice(10).every((r) => !r.ok && r.error.startsWith("RateLimited:"))).toBe(true);

    const events = await auditAfter(app.database.sql, since);
    expect(events.filter((e) => e.reason === "wrong email or password")).toHaveLength(10);
    expect(events.filter((e) => e.reason === "rate limited").length).toBeLessThanOrEqual(2);
    expect(await lastRefusal(app.database.sql)).toMatchObject({ action: "auth.login", reason: "rate limited", ip: "203.0.113.66" });

    expect(await signIn(app.url, owner.email, owner.password, { "x-forwarded-for": "198.51.100.200" })).toMatchObject({ ok: true });
  });

  it("counts failures, not attempts: an owner signing in often from one address is never limited", async () => {
    const owner = await seedUser(app.database.db, "viewer");
    for (let i = 0; i < 15; i++) {
      expect(await signIn(app.url, owner.email, owner.password, { "x-forwarded-for": "198.51.100.201" })).toMatchObject({ ok: true });
    }
    expect(await signIn(app.url, `${unique("nobody")}@example.com`, "x-password", { "x-forwarded-for": "198.51.100.201" })).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
  });
});
