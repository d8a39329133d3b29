import type { JsonPath, SecretPaths } from "../audit/mask";

// One step of a marked path: a named property, any property (`additionalProperties`,
// `patternProperties`, whose patterns are not matched: marking more is the safe side), or any
// entry of an array (`items`, `prefixItems`).
type Step = { key: string } | "anyKey" | "anyIndex";

// A schema is an admin's input: bound the walk, whatever its `$ref`s and nesting.
const MAX_DEPTH = 32;
const MAX_MARKED = 1_000;
const MAX_VISITS = 10_000;

/**
 * The paths a document's JSON Schema marks secret, with `"writeOnly": true` (JSON Schema's own
 * word for a value a reader must not get back) or `"x-secret": true`: everything at and under
 * them is masked for people like a secret-looking key. Local `$ref`s are followed and every
 * branch of `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else` counts, so a value marked in any
 * branch is masked.
 */
export function schemaSecretPaths(schema: Record<string, unknown> | null): SecretPaths {
  if (!schema) return () => false;
  const marked: Step[][] = [];
  let visits = 0;
  const visit = (node: unknown, path: Step[], refs: readonly string[]) => {
    if (!isObject(node) || path.length > MAX_DEPTH || marked.length >= MAX_MARKED || ++visits > MAX_VISITS) return;
    if (node.writeOnly === true || node["x-secret"] === true) {
      marked.push(path);
      return;
    }
    if (typeof node.$ref === "string" && node.$ref.startsWith("#") && !refs.includes(node.$ref)) {
      visit(resolvePointer(schema, node.$ref), path, [...refs, node.$ref]);
    }
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, path, refs);
    }
    for (const keyword of ["if", "then", "else"]) visit(node[keyword], path, refs);
    // One step deeper a `$ref` may be followed again (a recursive schema); MAX_DEPTH ends it.
    if (isObject(node.properties)) for (const [key, sub] of Object.entries(node.properties)) visit(sub, [...path, { key }], []);
    if (isObject(node.patternProperties)) for (const sub of Object.values(node.patternProperties)) visit(sub, [...path, "anyKey"], []);
    visit(node.additionalProperties, [...path, "anyKey"], []);
    const items = node.items;
    if (Array.isArray(items)) for (const sub of items) visit(sub, [...path, "anyIndex"], []);
    else visit(items, [...path, "anyIndex"], []);
    if (Array.isArray(node.prefixItems)) for (const sub of node.prefixItems) visit(sub, [...path, "anyIndex"], []);
  };
  visit(schema, [], []);
  if (marked.length === 0) return () => false;
  return (path) => marked.some((steps) => steps.length <= path.length && steps.every((step, i) => matches(step, path[i]!)));
}

function matches(step: Step, segment: JsonPath[number]): boolean {
  if (step === "anyIndex") return typeof segment === "number";
  if (step === "anyKey") return typeof segment === "string";
  return segment === step.key;
}

// JSON Pointer (RFC 6901) inside the schema itself: `#/$defs/db`, with `~1` for `/` and `~0` for `~`.
function resolvePointer(root: Record<string, unknown>, ref: string): unknown {
  let at: unknown = root;
  for (const part of ref.slice(1).split("/").slice(1)) {
    if (!isObject(at) && !Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[unescapePointer(part)];
  }
  return at;
}

function unescapePointer(part: string): string {
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    // Not percent-encoded after all: the part as written.
  }
  return decoded.replaceAll("~1", "/").replaceAll("~0", "~");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
