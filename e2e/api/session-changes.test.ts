import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPersonalToken, seedUser, unique } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";
import { sseReader } from "../support/sse";

/** A session is checked against the users table on every request, so an admin's change lands at once. */

let app: TestApp;
let admin: Caller;

beforeAll(async () => {
  app = await startApp();
  const user = await seedUser(app.database.db, "admin");
  admin = app.caller({ bearer: await seedPersonalToken(app.database.db, user.email) });
});
afterAll(() => app?.stop());

async function change(email: string, update: { role?: string; disabled?: boolean }) {
  const res = await admin.patch("/api/v1/users", { email, ...update });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe("an admin's change to a user", () => {
  it("disabling ends their session at their very next request", async () => {
    const user = await seedUser(app.database.db, "operator");
    const session = await app.signedIn(user.email, user.password);
    expect((await session.get("/api/v1/services")).status).toBe(200);

    await change(user.email, { disabled: true });
    expect((await session.get("/api/v1/services")).status).toBe(401);
  });

  it("disabling ends the event stream they had open, at the stream's next heartbeat, and no one else's", async () => {
    const [user, other] = [await seedUser(app.database.db, "viewer"), await seedUser(app.database.db, "viewer")];
    const streamOf = async (caller: Caller) => {
      const res = await caller.get("/api/v1/stream");
      expect(res.status).toBe(200);
      return sseReader(res);
    };
    const theirs = await streamOf(await app.signedIn(user.email, user.password));
    const others = await streamOf(await app.signedIn(other.email, other.password));
    try {
      await change(user.email, { disabled: true });
      // The change, then its audit event: the stream goes on.
      expect(await others.next()).toMatchObject({ event: "user" });
      expect(await others.next()).toMatchObject({ event: "audit" });
      await expect(
        (async () => {
          for (;;) await theirs.next();
        })(),
      ).rejects.toThrow("the stream ended");
      await change(other.email, { role: "responder" });
      expect(await others.next()).toMatchObject({ event: "user" });
      expect(await others.next()).toMatchObject({ event: "audit" });
    } finally {
      await Promise.all([theirs.close(), others.close()]);
    }
  });

  it("revoking a personal token ends the event stream opened with it, at its next heartbeat, and not the owner's other streams", async () => {
    const user = await seedUser(app.database.db, "viewer");
    const name = unique("stream-token");
    const minted = await admin.post("/api/v1/tokens", { name, user: user.email });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    const streamOf = async (caller: Caller) => {
      const res = await caller.get("/api/v1/stream");
      expect(res.status).toBe(200);
      return sseReader(res);
    };
    const viaToken = await streamOf(app.caller({ bearer: token }));
    const viaSession = await streamOf(await app.signedIn(user.email, user.password));
    try {
      expect((await admin.delete(`/api/v1/tokens/${name}`)).status).toBe(200);
      expect(await viaSession.next()).toMatchObject({ event: "token" });
      expect(await viaSession.next()).toMatchObject({ event: "audit" });
      await expect(
        (async () => {
          for (;;) await viaToken.next();
        })(),
      ).rejects.toThrow("the stream ended");
      await change(user.email, { role: "responder" });
      expect(await viaSession.next()).toMatchObject({ event: "user" });
      expect(await viaSession.next()).toMatchObject({ event: "audit" });
    } finally {
      await Promise.all([viaToken.close(), viaSession.close()]);
    }
  });

  it("disabling also stops their personal tokens", async () => {
    const user = await seedUser(app.database.db, "viewer");
    const token = app.caller({ bearer: await seedPersonalToken(app.database.db, user.email) });
    expect((await token.get("/api/v1/services")).status).toBe(200);

    await change(user.email, { disabled: true });
    expect((await token.get("/api/v1/services")).status).toBe(401);
  });

  it("a disabled user cannot sign in again, and re-enabling lets them", async () => {
    const user = await seedUser(app.database.db, "viewer");
    await change(user.email, { disabled: true });
    await expect(app.signedIn(user.email, user.password)).rejects.toThrow(/CredentialsSignin/);

    await change(user.email, { disabled: false });
    expect((await (await app.signedIn(user.email, user.password)).get("/api/v1/services")).status).toBe(200);
  });

  it("lowering their role takes effect at their very next request", async () => {
    const user = await seedUser(app.database.db, "admin");
    const session = await app.signedIn(user.email, user.password);
    expect((await session.get("/api/v1/users")).status).toBe(200);

    await change(user.email, { role: "viewer" });
    expect((await session.get("/api/v1/users")).status).toBe(403);
    expect((await session.get("/api/v1/services")).status).toBe(200);
  });

  it("raising their role takes effect at their very next request too", async () => {
    const user = await seedUser(app.database.db, "viewer");
    const session = await app.signedIn(user.email, user.password);
    expect((await session.get("/api/v1/audit/verify")).status).toBe(403);

    await change(user.email, { role: "admin" });
    expect((await session.get("/api/v1/audit/verify")).status).toBe(200);
  });
});
