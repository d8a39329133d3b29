import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { configChanges } from "./diff";

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
});
