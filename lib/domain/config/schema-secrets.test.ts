import { describe, expect, it } from "vitest";
import { MASK, maskSecrets } from "../audit/mask";
import { schemaSecretPaths } from "./schema-secrets";

describe("schemaSecretPaths", () => {
  const schema = {
    type: "object",
    $defs: { credential: { type: "string", "x-secret": true } },
    properties: {
      upstream: { type: "object", properties: { bearer: { type: "string", writeOnly: true }, host: { type: "string" } } },
      signing: { $ref: "#/$defs/credential" },
      shards: { type: "array", items: { type: "object", properties: { dsnText: { writeOnly: true } } } },
      headers: { type: "object", additionalProperties: { type: "string", writeOnly: true } },
      either: { anyOf: [{ type: "string" }, { type: "string", writeOnly: true }] },
      public: { type: "string", writeOnly: false },
    },
  };
  const marked = schemaSecretPaths(schema);

  it("marks the paths of writeOnly and x-secret values, through $ref, items, additionalProperties and any branch", () => {
    expect(marked(["upstream", "bearer"])).toBe(true);
    expect(marked(["signing"])).toBe(true);
    expect(marked(["shards", 3, "dsnText"])).toBe(true);
    expect(marked(["headers", "X-Api"])).toBe(true);
    expect(marked(["either"])).toBe(true);
  });

  it("marks what lies under a marked value and nothing else", () => {
    expect(marked(["signing", "kid"])).toBe(true);
    expect(marked(["upstream", "host"])).toBe(false);
    expect(marked(["upstream"])).toBe(false);
    expect(marked(["public"])).toBe(false);
    expect(marked(["shards", "dsnText"])).toBe(false);
  });

  it("masks marked values in a body beside the key names", () => {
    const body = { upstream: { bearer: "b-1", host: "api" }, signing: "pem", shards: [{ dsnText: "d" }], headers: { "X-Api": "h" }, password: "p" };
    expect(maskSecrets(body, marked)).toEqual({ upstream: { bearer: MASK, host: "api" }, signing: MASK, shards: [{ dsnText: MASK }], headers: { "X-Api": MASK }, password: MASK });
  });

  it("stays bounded on a schema whose $refs loop", () => {
    const loop = { $defs: { node: { type: "object", properties: { next: { $ref: "#/$defs/node" }, key: { writeOnly: true } } } }, $ref: "#/$defs/node" };
    const looped = schemaSecretPaths(loop);
    expect(looped(["key"])).toBe(true);
    expect(looped(["next", "key"])).toBe(true);
    expect(looped(["next", "other"])).toBe(false);
  });

  it("marks nothing without a schema", () => {
    expect(schemaSecretPaths(null)(["anything"])).toBe(false);
  });
});
