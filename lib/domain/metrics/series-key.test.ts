import { describe, expect, it } from "vitest";
import { seriesKey } from "./series-key";

describe("seriesKey", () => {
  it("is the same for the same tags in any order", () => {
    expect(seriesKey({ route: "/chat", status: "200" })).toBe(seriesKey({ status: "200", route: "/chat" }));
  });

  it("tells apart tag sets that a naive join would confuse", () => {
    expect(seriesKey({ a: "b,c=d" })).not.toBe(seriesKey({ a: "b", c: "d" }));
    expect(seriesKey({})).not.toBe(seriesKey({ "": "" }));
  });
});
