import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, paths } from "./openapi";

const API = path.join(process.cwd(), "app", "api");
// next-auth's own sign-in protocol, not part of the contract.
const UNDOCUMENTED = new Set(["/api/auth/{nextauth}"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routes(dir: string): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|as ${m}\\b`).test(source));
    const route = "/" + path.relative(path.join(process.cwd(), "app"), dir).split(path.sep).join("/");
    return [{ path: route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}"), methods }];
  });
}

describe("the OpenAPI document", () => {
  it("builds as OpenAPI 3.1", () => {
    expect(openApiDocument().openapi).toBe("3.1.0");
  });

  it.each(routes(API).filter((r) => !UNDOCUMENTED.has(r.path)))("documents every method of $path", ({ path: route, methods }) => {
    const documented = Object.keys(paths[route] ?? {}).map((m) => m.toUpperCase());
    expect(documented.sort()).toEqual([...methods].sort());
  });
});
