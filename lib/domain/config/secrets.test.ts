import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { restoreMasked, underSecret } from "./secrets";

describe("restoreMasked", () => {
  const stored = { db: { host: "db.internal", password: "hunter2" }, upstreams: [{ apiKey: "k-1" }, { apiKey: "k-2" }] };

  it("puts the stored secret back where the edited body still shows the mask", () => {
    const edited = { db: { host: "db2.internal", password: MASK }, upstreams: [{ apiKey: MASK }, { apiKey: "k-new" }] };
    expect(restoreMasked(edited, stored)).toEqual({
      body: { db: { host: "db2.internal", password: "hunter2" }, upstreams: [{ apiKey: "k-1" }, { apiKey: "k-new" }] },
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
  it("refuses a mask in an array whose length changed, rather than restoring another entry's secret", () => {
    const stored = { upstreams: [{ name: "a", apiKey: "k-a" }, { name: "b", apiKey: "k-b" }] };
    const { issues } = restoreMasked({ upstreams: [{ name: "b", apiKey: MASK }] }, stored);
    expect(issues).toEqual([{ path: "body.upstreams.0.apiKey", message: expect.stringContaining("masked") }]);
  });

  it("refuses masked URL credentials it cannot match to a stored URL", () => {
    const stored = { databaseUrls: ["postgres://a:pw-a@db-a/app", "postgres://b:pw-b@db-b/app"] };
    const { issues } = restoreMasked({ databaseUrls: [`postgres://b:${MASK}@db-b/app`] }, stored);
    expect(issues).toEqual([{ path: "body.databaseUrls.0", message: expect.stringContaining("masked") }]);
  });
});
