import { describe, expect, it } from "vitest";
import { routePattern } from "./http-metrics";

describe("routePattern", () => {
  it.each([
    ["/api/v1/services", {}, "/api/v1/services"],
    ["/api/v1/tokens/ci", { name: "ci" }, "/api/v1/tokens/[name]"],
    ["/api/v1/tokens/a%20b", { name: "a b" }, "/api/v1/tokens/[name]"],
    ["/api/v1/services/services/mode", { service: "services" }, "/api/v1/services/[service]/mode"],
    ["/api/v1/services/x/breakers/x/override", { service: "x", name: "x" }, "/api/v1/services/[service]/breakers/[name]/override"],
  ])("labels %s by its route", (path, params, expected) => {
    expect(routePattern(path, params)).toBe(expected);
  });
});
