import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { RegExpEngine } from "ajv/dist/types";
import addFormats from "ajv-formats";
import { MASK } from "../audit/mask";
import { BoundedCache } from "../bounded-cache";
import { Unprocessable, type Issue } from "../errors";
import { linearRegex } from "../linear-regex";

// `pattern` and `patternProperties` come from admins; they run on the same linear-time engine as matchers.
const regExp: RegExpEngine = Object.assign((pattern: string) => linearRegex(pattern, false), { code: "linearRegex" });

// Compiling is the costly part; documents share few distinct schemas.
const compiled = new BoundedCache<string, ValidateFunction>(200);

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
  const problems = schemaProblems(schema);
  if (problems.length > 0) throw new Unprocessable("The document's JSON Schema does not compile.", problems);
  const validate = validatorOf(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(toIssue);
}

/**
 * The violations of a body as a person edits it, masks and all: a masked value stands for the
 * stored one, which the publish checks once restored, so it is not judged by its mask (a secret
 * object or number shows as a masked string).
 */
export function shownBodyViolations(schema: Record<string, unknown>, body: unknown): Issue[] {
  const validate = validatorOf(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).filter((error) => error.keyword === "required" || valueAt(body, error.instancePath) !== MASK).map(toIssue);
}

function valueAt(body: unknown, instancePath: string): unknown {
  let at = body;
  for (const segment of pointerSegments(instancePath)) at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[segment] : undefined;
  return at;
}

/**
 * A fresh Ajv per schema: a shared one registers every schema's `$id`, so the second compile of a
 * schema with an `$id` (any later publish) threw "already exists".
 */
function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  const key = canonicalJson(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false, code: { regExp } }));
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** JSON with object keys sorted, so two spellings of one schema share a compiled validator. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function pointerSegments(instancePath: string): string[] {
  return instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function toIssue(error: ErrorObject): Issue {
  const segments = pointerSegments(error.instancePath);
  // A missing property is reported on its parent; the editor points at the property itself.
  if (error.keyword === "required") segments.push(String((error.params as { missingProperty: string }).missingProperty));
  return { path: ["body", ...segments].join("."), message: error.message ?? error.keyword };
}
