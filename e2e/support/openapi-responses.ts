import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

/** Problems with an answer against the document, as `path: message` lines; empty when it matches. */
export type ResponseValidator = (method: string, route: string, status: number, body: unknown) => string[];

/**
 * Checks real answers against the served OpenAPI document, so the hand-written response schemas
 * cannot drift from what the routes return. An answer the document does not describe at all is a
 * problem too.
 */
export function responseValidator(document: { paths: Record<string, Record<string, unknown>> }): ResponseValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "openapi");
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  return (method, route, status, body) => {
    const operation = document.paths[route]?.[method.toLowerCase()] as { responses?: Record<string, { content?: Record<string, unknown> }> } | undefined;
    const response = operation?.responses?.[String(status)];
    if (!response?.content?.["application/json"]) return [`${method} ${route} ${status}: not described as JSON in the document`];
    const validate = ajv.compile({ $ref: `openapi#/${pointer("paths", route, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}` });
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} ${route} ${status} ${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`);
  };
}
