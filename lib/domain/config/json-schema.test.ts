import { describe, expect, it } from "vitest";
import { MASK } from "../audit/mask";
import { schemaProblems, schemaViolations, shownBodyViolations } from "./json-schema";

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

describe("schemas from admins", () => {
  it("compile again and again when they carry an $id", () => {
    const withId = { $id: "https://example.com/limits.json", type: "object", properties: { rps: { type: "integer" } } };
    expect(schemaViolations(withId, { rps: 1 })).toEqual([]);
    expect(schemaViolations({ ...withId, required: ["rps"] }, {})).toEqual([{ path: "body.rps", message: expect.any(String) }]);
    expect(schemaProblems({ ...withId, title: "again" })).toEqual([]);
  });

  it("run pattern and patternProperties on the linear-time engine", () => {
    const hostile = { type: "object", properties: { host: { type: "string", pattern: "^(((.*)*)*)*x$" } } };
    expect(schemaViolations(hostile, { host: "a".repeat(40) })).toEqual([{ path: "body.host", message: expect.any(String) }]);
    expect(schemaProblems({ type: "string", pattern: "(?=a)b" })).toEqual([{ path: "schema", message: expect.any(String) }]);
    expect(schemaProblems({ type: "string", pattern: "a".repeat(1001) })).toEqual([{ path: "schema", message: expect.any(String) }]);
  });

  it("refuse a body against a schema that does not compile with a 422, not a crash", () => {
    expect(() => schemaViolations({ type: "no-such-type" }, {})).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });
});

describe("shownBodyViolations", () => {
  const schema = { type: "object", required: ["port"], properties: { signing: { type: "object", writeOnly: true }, port: { type: "integer" } } };

  it("does not judge a masked value by its mask, which stands for the stored value the publish checks", () => {
    expect(shownBodyViolations(schema, { signing: MASK, port: 5432 })).toEqual([]);
    expect(schemaViolations(schema, { signing: MASK, port: 5432 })).toEqual([{ path: "body.signing", message: expect.any(String) }]);
  });

  it("still reports every other violation", () => {
    expect(shownBodyViolations(schema, { signing: MASK, port: "x" })).toEqual([{ path: "body.port", message: expect.any(String) }]);
    expect(shownBodyViolations(schema, { signing: MASK })).toEqual([{ path: "body.port", message: expect.any(String) }]);
  });
});
