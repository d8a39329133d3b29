import { describe, expect, it } from "vitest";
import { schemaProblems, schemaViolations } from "./json-schema";

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["model", "limits"],
  properties: {
    model: { type: "string" },
    endpoint: { type: "string", format: "uri" },
    limits: { type: "object", properties: { rps: { type: "integer", minimum: 1 } } },
    regions: { type: "array", items: { enum: ["eu", "us"] } },
  },
};

describe("schemaViolations", () => {
  it("lists every violation with the path of the offending value, not only the first", () => {
    const issues = schemaViolations(schema, { endpoint: "not a uri", limits: { rps: 0 }, regions: ["eu", "mars"] });
    expect(issues.map((i) => i.path).sort()).toEqual(["body.endpoint", "body.limits.rps", "body.model", "body.regions.1"]);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it("accepts a body that matches", () => {
    expect(schemaViolations(schema, { model: "gpt", limits: { rps: 5 }, regions: ["us"] })).toEqual([]);
  });
});

describe("schemaProblems", () => {
  it("refuses a schema Ajv cannot compile", () => {
    expect(schemaProblems({ type: "no-such-type" })).toEqual([{ path: "schema", message: expect.any(String) }]);
    expect(schemaProblems(schema)).toEqual([]);
  });
});
