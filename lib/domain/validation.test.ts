import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alertFilter } from "./alerts/list-alerts";
import { ValidationError } from "./errors";
import { parseQuery } from "./validation";

const params = (query: string) => new URLSearchParams(query);

describe("parseQuery", () => {
  it("reads every occurrence of a list parameter, also behind a refinement", () => {
    expect(parseQuery(alertFilter, params("label=team=a&label=env=prod")).label).toEqual(["team=a", "env=prod"]);
    expect(parseQuery(alertFilter, params("label=team=a")).label).toEqual(["team=a"]);
    expect(parseQuery(alertFilter, params("")).label).toEqual([]);
  });

  it("reads the last occurrence of any other parameter", () => {
    expect(parseQuery(alertFilter, params("limit=5&limit=7")).limit).toBe(7);
  });

  it("reads through a transform of the whole query", () => {
    const schema = z.object({ tags: z.array(z.string()).default([]), q: z.string() }).transform((v) => `${v.q}:${v.tags.join("+")}`);
    expect(parseQuery(schema, params("q=x&tags=a&tags=b"))).toBe("x:a+b");
  });

  it("refuses a bad parameter as a validation error naming it", () => {
    const refusal = (() => {
      try {
        parseQuery(alertFilter, params("limit=0"));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).issues.map((i) => i.path)).toEqual(["limit"]);
  });
});
