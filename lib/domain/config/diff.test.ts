import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { configChanges } from "./diff";
import { schemaSecretPaths } from "./schema-secrets";

describe("configChanges", () => {
  it("lists each added, removed and changed value by its path", () => {
    const from = { limits: { rps: 10, burst: 20 }, regions: ["eu", "us"], legacy: true };
    const to = { limits: { rps: 15, burst: 20 }, regions: ["eu", "us", "ap"], feature: { on: true } };
    expect(configChanges(from, to)).toEqual(
      expect.arrayContaining([
        { kind: "change", path: ["limits", "rps"], before: 10, after: 15 },
        { kind: "add", path: ["regions", 2], after: "ap" },
        { kind: "remove", path: ["legacy"], before: true },
        { kind: "add", path: ["feature"], after: { on: true } },
      ]),
    );
    expect(configChanges(from, to)).toHaveLength(4);
  });

  it("shows a changed secret as changed without either value", () => {
    expect(configChanges({ db: { password: "old" } }, { db: { password: "new" } })).toEqual([
      { kind: "change", path: ["db", "password"], before: MASK, after: MASK },
    ]);
  });

  it("masks secrets inside an added or removed object", () => {
    expect(configChanges({}, { smtp: { host: "mail", secret: "s3" } })).toEqual([{ kind: "add", path: ["smtp"], after: { host: "mail", secret: MASK } }]);
  });

  it("finds nothing between equal bodies", () => {
    expect(configChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it("shows deleting the first of two named entries as that entry removed, not the second rewritten into it", () => {
    const from = { upstreams: [{ name: "a", apiKey: "k-a" }, { name: "b", apiKey: "k-b" }] };
    const to = { upstreams: [{ name: "b", apiKey: "k-b" }] };
    expect(configChanges(from, to)).toEqual([{ kind: "remove", path: ["upstreams", 0], before: { name: "a", apiKey: MASK } }]);
  });

  it("shows named entries that swapped places as a change of order, by name, and their own edits at their new place", () => {
    const from = { upstreams: [{ name: "a", weight: 1 }, { name: "b", weight: 1 }] };
    const to = { upstreams: [{ name: "b", weight: 2 }, { name: "a", weight: 1 }] };
    expect(configChanges(from, to)).toEqual([
      { kind: "change", path: ["upstreams", 0, "weight"], before: 1, after: 2 },
      { kind: "change", path: ["upstreams"], before: ["a", "b"], after: ["b", "a"] },
    ]);
  });

  it("masks the values the document's schema marks secret", () => {
    const marked = schemaSecretPaths({ properties: { upstream: { properties: { bearer: { writeOnly: true } } } } });
    expect(configChanges({ upstream: { bearer: "old" } }, { upstream: { bearer: "new" } }, marked)).toEqual([
      { kind: "change", path: ["upstream", "bearer"], before: MASK, after: MASK },
    ]);
    expect(configChanges({}, { upstream: { bearer: "new", host: "h" } }, marked)).toEqual([{ kind: "add", path: ["upstream"], after: { bearer: MASK, host: "h" } }]);
  });
});
