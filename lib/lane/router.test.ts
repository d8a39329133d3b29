import { describe, expect, it } from "vitest";
import { router, type LaneHandler } from "./router";

const handle: LaneHandler = async () => {};

describe("router", () => {
  const match = router([
    { method: "GET", pattern: "/api/v1/control/:service", handle },
    { method: "GET", pattern: "/api/v1/control/:service/stream", handle },
    { method: "POST", pattern: "/api/v1/report", handle },
  ]);

  it("matches a path with its decoded parameters", () => {
    expect(match("GET", "/api/v1/control/rag%20api")).toMatchObject({ params: { service: "rag api" } });
    expect(match("GET", "/api/v1/control/rag/stream")).toMatchObject({ route: { pattern: "/api/v1/control/:service/stream" } });
  });

  it("tells a wrong method (405) from an unknown path (404)", () => {
    expect(match("GET", "/api/v1/report")).toBe("method_not_allowed");
    expect(match("GET", "/api/v1/nothing")).toBeNull();
    expect(match("GET", "/api/v1/control/a/b/c")).toBeNull();
  });
});
