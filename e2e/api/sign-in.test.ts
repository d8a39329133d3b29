import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import { signIn } from "../support/http";
import { auditAfter, lastAuditId } from "../support/rows";

/** Sign-in through next-auth: each attempt is audited; 10 failures a minute per address, 30 per account. */

let app: TestApp;

beforeAll(async () => {
  // The test client is the proxy in front of the console: it says which address each attempt came from.
  app = await startApp({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
});
afterAll(() => app?.stop());

// Each test signs in from its own address, so the per-address budget of one test leaves the others alone.
const from = (address: string) => ({ "x-forwarded-for": address });

describe("sign-in", () => {
  it("audits a success and a failure with the address they came from", async () => {
    const user = await seedUser(app.database.db, "viewer");
    const since = await lastAuditId(app.database.sql);

    expect(await signIn(app.url, user.email, "not-the-password", from("198.51.100.1"))).toEqual({ ok: false, error: "CredentialsSignin" });
    expect(await signIn(app.url, user.email.toUpperCase(), user.password, from("198.51.100.1"))).toMatchObject({ ok: true });

    expect(await auditAfter(app.database.sql, since)).toEqual([
      expect.objectContaining({ action: "auth.login", target: `user:${user.email}`, outcome: "denied", actor: "anonymous", ip: "198.51.100.1" }),
      expect.objectContaining({ action: "auth.login", target: `user:${user.email}`, outcome: "ok", actor: user.email, ip: "198.51.100.1" }),
    ]);
  });

  it("refuses an unknown email the same way as a wrong password", async () => {
    expect(await signIn(app.url, `${unique("nobody")}@example.com`, "whatever-password", from("198.51.100.2"))).toEqual({ ok: false, error: "CredentialsSignin" });
  });

  it("refuses the 31st attempt within a minute for one account after 30 failures, even with the right password and from a new address", async () => {
    const user = await seedUser(app.database.db, "viewer");
    for (let i = 1; i <= 30; i++) {
      expect(await signIn(app.url, user.email, `wrong-password-${i}`, from(`198.51.100.${10 + i}`))).toEqual({ ok: false, error: "CredentialsSignin" });
    }
    const since = await lastAuditId(app.database.sql);

    const refused = await signIn(app.url, user.email, user.password, from("198.51.100.90"));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^RateLimited:([1-9]|[1-5][0-9]|60)$/);
    expect(await auditAfter(app.database.sql, since)).toEqual([expect.objectContaining({ action: "auth.login", outcome: "denied", reason: "rate limited" })]);
  });

  it("refuses the 11th attempt within a minute from one address, whatever the email", async () => {
    const user = await seedUser(app.database.db, "viewer");
    for (let i = 1; i <= 10; i++) {
      expect(await signIn(app.url, `${unique("guess")}@example.com`, "guessing-password", from("203.0.113.9"))).toEqual({ ok: false, error: "CredentialsSignin" });
    }
    expect(await signIn(app.url, user.email, user.password, from("203.0.113.9"))).toEqual({ ok: false, error: expect.stringMatching(/^RateLimited:\d+$/) });
    expect(await signIn(app.url, user.email, user.password, from("203.0.113.10"))).toMatchObject({ ok: true });
  });
});
