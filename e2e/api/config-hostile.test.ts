import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedServiceToken, seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** Config documents against schemas and bodies written to break the console or leak a secret. */

const DOC = "/api/v1/config/rag-api/production";

let app: TestApp;
let admin: Caller;
let viewer: Caller;
let service: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const signedIn = async (role: "viewer" | "admin") => {
    const user = await seedUser(db, role);
    return app.signedIn(user.email, user.password);
  };
  [admin, viewer] = await Promise.all([signedIn("admin"), signedIn("viewer")]);
  service = app.caller({ bearer: (await seedServiceToken(db, "*")).token });
});
afterAll(() => app?.stop());

const publish = (json: unknown) => admin.post(`${DOC}/versions`, json);

describe("a schema with an $id", () => {
  it("checks every publish, not only the first", async () => {
    // Stored as jsonb, the schema comes back with its keys reordered: a second compile under the same $id.
    const schema = { properties: { databaseUrl: { type: "string" }, passwords: { type: "array" } }, type: "object", $id: "https://example.com/rag-api.json" };
    expect((await admin.send("PUT", `${DOC}/schema`, { json: { schema } })).status).toBe(200);
    const body = { databaseUrl: "postgres://app:hunter2@db.internal/app", passwords: ["s3cr3t"] };
    expect((await publish({ body, message: "first", expectedVersion: 0 })).status).toBe(201);
    expect((await publish({ body: { ...body, region: "eu" }, message: "second", expectedVersion: 1 })).status).toBe(201);
    expect((await publish({ body: { databaseUrl: 5 }, message: "bad", expectedVersion: 2 })).status).toBe(422);
  });

  it("shows viewers neither the URL's password nor plural secrets", async () => {
    const read = await viewer.get(DOC);
    expect(read.status).toBe(200);
    const text = await read.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("s3cr3t");
    expect(text).toContain("db.internal");
  });
});

/** The body as published, secrets and all, as the service reads it. */
async function published(doc: string): Promise<Record<string, unknown>> {
  const res = await service.get(doc);
  expect(res.status).toBe(200);
  return ((await res.json()) as { body: Record<string, unknown> }).body;
}

/** The body as a person sees it, masked, to send back as an edit. */
async function shown<T>(doc: string): Promise<T> {
  return ((await (await admin.get(doc)).json()) as { body: T }).body;
}

describe("masked values in an array", () => {
  type Upstreams = { upstreams: { name: string; apiKey: string }[] };

  it("keep the secret of their own entry when an entry before them was deleted, and the diff shows that entry removed", async () => {
    const doc = "/api/v1/config/rag-api/staging";
    const body = { upstreams: [{ name: "a", apiKey: "key-of-a" }, { name: "b", apiKey: "key-of-b" }] };
    expect((await admin.post(`${doc}/versions`, { body, message: "two upstreams", expectedVersion: 0 })).status).toBe(201);
    const edited = { upstreams: (await shown<Upstreams>(doc)).upstreams.slice(1) };
    expect((await admin.post(`${doc}/versions`, { body: edited, message: "drop a", expectedVersion: 1 })).status).toBe(201);
    expect(await published(doc)).toEqual({ upstreams: [{ name: "b", apiKey: "key-of-b" }] });
    const diff = (await (await viewer.get(`${doc}/diff?from=1&to=2`)).json()) as { changes: unknown[] };
    expect(diff.changes).toEqual([{ kind: "remove", path: ["upstreams", 0], before: { name: "a", apiKey: "••••••" } }]);
  });

  it("keep the secret of their own entry when entries swap places and the length stays, named or not", async () => {
    const doc = "/api/v1/config/rag-api/development";
    const body = {
      upstreams: [{ name: "a", apiKey: "key-of-a" }, { name: "b", apiKey: "key-of-b" }],
      replicas: [{ host: "db-a", password: "pw-of-a" }, { host: "db-b", password: "pw-of-b" }],
    };
    expect((await admin.post(`${doc}/versions`, { body, message: "two of each", expectedVersion: 0 })).status).toBe(201);
    const masked = await shown<typeof body>(doc);
    const swapped = { upstreams: [...masked.upstreams].reverse(), replicas: [...masked.replicas].reverse() };
    expect((await admin.post(`${doc}/versions`, { body: swapped, message: "swap", expectedVersion: 1 })).status).toBe(201);
    expect(await published(doc)).toEqual({ upstreams: [...body.upstreams].reverse(), replicas: [...body.replicas].reverse() });
  });

  it("are refused with 422 naming the path when their entry cannot be told from another after a move", async () => {
    const doc = "/api/v1/config/embed-api/staging";
    const body = { replicas: [{ password: "pw-1" }, { password: "pw-2" }] };
    expect((await admin.post(`${doc}/versions`, { body, message: "two replicas", expectedVersion: 0 })).status).toBe(201);
    const masked = await shown<typeof body>(doc);
    const res = await admin.post(`${doc}/versions`, { body: { replicas: [masked.replicas[1], { password: "pw-new" }] }, message: "replace one", expectedVersion: 1 });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["body.replicas.0.password"]);
    expect(await published(doc)).toEqual(body);
  });
});

describe("paths a document's schema marks secret", () => {
  const doc = "/api/v1/config/search-api/production";
  const schema = {
    type: "object",
    properties: {
      upstream: { type: "object", properties: { bearer: { type: "string", writeOnly: true }, host: { type: "string" } } },
      signing: { type: "object", "x-secret": true },
    },
  };
  const body = { upstream: { bearer: "bearer-value-1", host: "api.internal" }, signing: { kid: "k1", material: "material-value-1" } };

  it("are masked for people in reads and diffs, whatever their keys are called, and not for the service", async () => {
    expect((await admin.send("PUT", `${doc}/schema`, { json: { schema } })).status).toBe(200);
    expect((await admin.post(`${doc}/versions`, { body, message: "first", expectedVersion: 0 })).status).toBe(201);
    const next = { ...body, upstream: { ...body.upstream, bearer: "bearer-value-2" } };
    expect((await admin.post(`${doc}/versions`, { body: next, message: "rotate", expectedVersion: 1 })).status).toBe(201);

    const read = await (await viewer.get(doc)).text();
    const diff = await (await viewer.get(`${doc}/diff?from=0&to=2`)).text();
    const audit = await (await admin.get("/api/v1/audit?action=config.publish")).text();
    for (const text of [read, diff, audit]) {
      for (const secret of ["bearer-value-1", "bearer-value-2", "material-value-1"]) expect(text).not.toContain(secret);
    }
    expect(read).toContain("api.internal");
    expect(await published(doc)).toEqual(next);
  });

  it("keep their stored values when published back masked", async () => {
    const masked = await shown<Record<string, unknown>>(doc);
    expect(masked).toEqual({ upstream: { bearer: "••••••", host: "api.internal" }, signing: "••••••" });
    expect((await admin.post(`${doc}/versions`, { body: { ...masked, region: "eu" }, message: "add a region", expectedVersion: 2 })).status).toBe(201);
    expect(await published(doc)).toEqual({ upstream: { bearer: "bearer-value-2", host: "api.internal" }, signing: body.signing, region: "eu" });
  });
});
