import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Issue } from "../errors";

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
// Compiling is the costly part; documents share few distinct schemas.
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

/** The problems of a JSON Schema itself, or none when Ajv compiles it. */
export function schemaProblems(schema: Record<string, unknown>): Issue[] {
  try {
    validatorOf(schema);
    return [];
  } catch (error) {
    return [{ path: "schema", message: error instanceof Error ? error.message : String(error) }];
  }
}

/** Every way `body` breaks `schema`, each with the path of the offending value under `body`. */
export function schemaViolations(schema: Record<string, unknown>, body: unknown): Issue[] {
  const validate = validatorOf(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(toIssue);
}

function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

function toIssue(error: ErrorObject): Issue {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  // A missing property is reported on its parent; the editor points at the property itself.
  if (error.keyword === "required") segments.push(String((error.params as { missingProperty: string }).missingProperty));
  return { path: ["body", ...segments].join("."), message: error.message ?? error.keyword };
}
