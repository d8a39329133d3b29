import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser } from "../support/accounts";
import { startApp, type TestApp } from "../support/app";
import type { Caller } from "../support/http";

/** Config documents against schemas and bodies written to break the console or leak a secret. */

const DOC = "/api/v1/config/rag-api/production";

let app: TestApp;
let admin: Caller;
let viewer: Caller;

beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const signedIn = async (role: "viewer" | "admin") => {
    const user = await seedUser(db, role);
    return app.signedIn(user.email, user.password);
  };
  [admin, viewer] = await Promise.all([signedIn("admin"), signedIn("viewer")]);
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

describe("masked values in an array", () => {
  it("are refused with 422 naming the path when an entry before them was deleted", async () => {
    const doc = "/api/v1/config/rag-api/staging";
    const body = { upstreams: [{ name: "a", apiKey: "key-of-a" }, { name: "b", apiKey: "key-of-b" }] };
    expect((await admin.post(`${doc}/versions`, { body, message: "two upstreams", expectedVersion: 0 })).status).toBe(201);
    const shown = (await (await admin.get(doc)).json()) as { body: typeof body };
    const res = await admin.post(`${doc}/versions`, { body: { upstreams: shown.body.upstreams.slice(1) }, message: "drop a", expectedVersion: 1 });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["body.upstreams.0.apiKey"]);
  });
});

