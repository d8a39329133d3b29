import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { schemaSecretPaths } from "./schema-secrets";
import { restoreMasked, underSecret } from "./secrets";

describe("restoreMasked", () => {
  const stored = { db: { host: "db.internal", password: "hunter2" }, upstreams: [{ name: "a", apiKey: "k-1" }, { name: "b", apiKey: "k-2" }] };

  it("puts the stored secret back where the edited body still shows the mask", () => {
    const edited = { db: { host: "db2.internal", password: MASK }, upstreams: [{ name: "a", apiKey: MASK }, { name: "b", apiKey: "k-new" }] };
    expect(restoreMasked(edited, stored)).toEqual({
      body: { db: { host: "db2.internal", password: "hunter2" }, upstreams: [{ name: "a", apiKey: "k-1" }, { name: "b", apiKey: "k-new" }] },
      issues: [],
    });
  });

  it("refuses a mask with nothing stored behind it rather than publishing the mask", () => {
    const { issues } = restoreMasked({ cache: { token: MASK } }, stored);
    expect(issues).toEqual([{ path: "body.cache.token", message: expect.stringContaining("masked") }]);
  });

  it("keeps a mask under a key that is not secret-looking as the literal text it is", () => {
    expect(restoreMasked({ banner: MASK }, null).body).toEqual({ banner: MASK });
  });
});

describe("underSecret", () => {
  it("is true when any segment of the path names a secret", () => {
    expect(underSecret(["db", "password"])).toBe(true);
    expect(underSecret(["credentials", 0, "user"])).toBe(true);
    expect(underSecret(["limits", "rps"])).toBe(false);
  });
});

describe("restoreMasked with URLs", () => {
  it("keeps the stored credentials of a URL shown masked, and takes a URL typed anew", () => {
    const stored = { databaseUrl: "postgres://app:hunter2@db.internal/app" };
    expect(restoreMasked({ databaseUrl: `postgres://app:${MASK}@db.internal/app` }, stored).body).toEqual(stored);
    expect(restoreMasked({ databaseUrl: "postgres://app:new@db2.internal/app" }, stored).body).toEqual({ databaseUrl: "postgres://app:new@db2.internal/app" });
  });
});

describe("restoreMasked in arrays", () => {
  it("gives a kept mask the secret of its own entry, by the entries' name, when the first of two is deleted", () => {
    const stored = { upstreams: [{ name: "a", apiKey: "k-a" }, { name: "b", apiKey: "k-b" }] };
    expect(restoreMasked({ upstreams: [{ name: "b", apiKey: MASK }] }, stored)).toEqual({ body: { upstreams: [{ name: "b", apiKey: "k-b" }] }, issues: [] });
  });

  it("follows entries that swapped places, keeping the length, by name and without a name by what they show", () => {
    const named = { upstreams: [{ name: "a", apiKey: "k-a" }, { name: "b", apiKey: "k-b" }] };
    expect(restoreMasked({ upstreams: [{ name: "b", apiKey: MASK }, { name: "a", apiKey: MASK }] }, named).body).toEqual({
      upstreams: [{ name: "b", apiKey: "k-b" }, { name: "a", apiKey: "k-a" }],
    });
    const unnamed = { replicas: [{ host: "db-a", password: "pw-a" }, { host: "db-b", password: "pw-b" }] };
    expect(restoreMasked({ replicas: [{ host: "db-b", password: MASK }, { host: "db-a", password: MASK }] }, unnamed).body).toEqual({
      replicas: [{ host: "db-b", password: "pw-b" }, { host: "db-a", password: "pw-a" }],
    });
  });

  it("refuses a mask in an entry it cannot tell apart from another once anything in the list moved", () => {
    const stored = { replicas: [{ password: "pw-a" }, { password: "pw-b" }] };
    const { issues } = restoreMasked({ replicas: [{ password: MASK }, { password: "pw-new" }] }, stored);
    expect(issues).toEqual([{ path: "body.replicas.0.password", message: expect.stringContaining("moved") }]);
    expect(restoreMasked({ replicas: [{ password: MASK }, { password: MASK }] }, stored)).toEqual({ body: stored, issues: [] });
  });

  it("refuses a mask in an unnamed entry whose other fields changed, as it may be another entry moved here", () => {
    const stored = { replicas: [{ host: "db-a", password: "pw-a" }, { host: "db-b", password: "pw-b" }] };
    const { issues } = restoreMasked({ replicas: [{ host: "db-c", password: MASK }, { host: "db-b", password: MASK }] }, stored);
    expect(issues).toEqual([{ path: "body.replicas.0.password", message: expect.stringContaining("masked") }]);
  });

  it("matches masked URL credentials to the stored URL they mask, wherever it is in the list", () => {
    const stored = { databaseUrls: ["postgres://a:pw-a@db-a/app", "postgres://b:pw-b@db-b/app"] };
    expect(restoreMasked({ databaseUrls: [`postgres://b:${MASK}@db-b/app`] }, stored)).toEqual({ body: { databaseUrls: ["postgres://b:pw-b@db-b/app"] }, issues: [] });
    const { issues } = restoreMasked({ databaseUrls: [`postgres://c:${MASK}@db-c/app`] }, stored);
    expect(issues).toEqual([{ path: "body.databaseUrls.0", message: expect.stringContaining("masked") }]);
  });
});

describe("restoreMasked with paths the schema marks secret", () => {
  const schema = { type: "object", properties: { upstream: { type: "object", properties: { bearer: { type: "string", writeOnly: true } } }, signing: { "x-secret": true } } };
  const stored = { upstream: { bearer: "b-1" }, signing: { kid: "k1", pem: "-----BEGIN" } };

  it("puts the stored value back under a marked path, whatever its key is called", () => {
    expect(restoreMasked({ upstream: { bearer: MASK }, signing: MASK }, stored, schemaSecretPaths(schema))).toEqual({ body: stored, issues: [] });
  });

  it("keeps a mask under an unmarked, ordinary key as literal text", () => {
    expect(restoreMasked({ upstream: { bearer: MASK } }, stored).body).toEqual({ upstream: { bearer: MASK } });
  });
});
