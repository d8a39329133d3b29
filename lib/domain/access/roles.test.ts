import { describe, expect, it } from "vitest";
import { roleAtLeast, roles, type Role } from "./roles";

describe("roles", () => {
  it("are ordered viewer < responder < operator < admin", () => {
    expect(roles).toEqual(["viewer", "responder", "operator", "admin"]);
  });

  const pairs = roles.flatMap((held, i) => roles.map((needed, j) => [held, needed, i >= j] as const));

  it.each(pairs)("%s meets %s: %s", (held: Role, needed: Role, allowed: boolean) => {
    expect(roleAtLeast(held, needed)).toBe(allowed);
  });

  it("refuses a missing role", () => {
    expect(roleAtLeast(null, "viewer")).toBe(false);
    expect(roleAtLeast(undefined, "viewer")).toBe(false);
  });
});
