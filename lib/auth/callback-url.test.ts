import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const ORIGIN = "http://console.example:3000";

describe("safeCallbackPath", () => {
  it.each(["//evil.com", "/\\evil.com", "/%09/evil.com", "/%5Cevil.com", "/%2F/evil.com", "https://evil.com", "javascript:alert(1)", "\t//evil.com", "http://console.example:3001/x"])(
    "refuses %s",
    (raw) => {
      expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
    },
  );

  it("keeps a local path with its query, and a same-origin absolute URL as a path", () => {
    expect(safeCallbackPath("/alerts?state=firing#top", ORIGIN)).toBe("/alerts?state=firing#top");
    expect(safeCallbackPath(`${ORIGIN}/config`, ORIGIN)).toBe("/config");
  });
});
