import type { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { leastRole } from "@/lib/domain/access/can";
import type { Role } from "@/lib/domain/access/roles";
import type { Permit, Verb } from "@/lib/domain/mutation";
import { errorBody, validationErrorBody } from "./schemas";

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type ErrorStatus = 404 | 409 | 413 | 422 | 423 | 429;

/**
 * Who may call. A write names the verb it goes through, and its permit is the verb's own; a read
 * states the least role its route checks (the role matrix holds both to what the routes do).
 */
type Access =
  | { verb: Pick<Verb<unknown>, "permit" | "people"> }
  | {
      permit: Exclude<Permit, "system"> | "public";
      /** With a `service` permit: the least role of a person who may call it too, admin unless given. */
      people?: Role;
    };

export type OperationSpec = Access & {
  summary: string;
  tags: string[];
  path?: ObjectSchema;
  query?: ObjectSchema;
  body?: z.ZodType;
  /** The answers other than refusals, by status; `schema` null for a body-less one. */
  answers: Record<number, { description: string; schema: z.ZodType | null; contentType?: string }>;
  /** Failures beyond those the permit, parameters and body imply. */
  errors?: ErrorStatus[];
};

const errorDescriptions: Record<number, string> = {
  400: "The parameters or body are not valid; nothing was written.",
  401: "No credentials.",
  403: "The role is too low, or the token is scoped to another service.",
  404: "Not found.",
  409: "Conflicts with the current state.",
  413: "The body is larger than 1 MiB.",
  422: "Well-formed but refused by the rules.",
  423: "Frozen while a critical alert of the service fires: `{error: \"frozen\", alerts}`.",
  429: "Too many attempts.",
};

/** One documented operation, with the failures its permit and inputs imply added for it. */
export function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const { permit, people } = "verb" in spec ? spec.verb : spec;
  const least = permit === "public" ? null : leastRole({ permit, people });
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, { description, schema, contentType = "application/json" }] of Object.entries(spec.answers)) {
    responses[status as `2${string}`] = schema ? { description, content: { [contentType]: { schema } } } : { description };
  }
  const failures = new Set<number>(spec.errors);
  if (spec.body || spec.query || spec.path) failures.add(400);
  if (spec.body) failures.add(413);
  if (permit !== "public") [401, 403].forEach((s) => failures.add(s));
  for (const status of [...failures].sort((a, b) => a - b)) {
    const schema = status === 400 ? validationErrorBody : errorBody;
    responses[String(status) as `4${string}`] = { description: errorDescriptions[status] ?? "Refused.", content: { "application/json": { schema } } };
  }
  return {
    summary: spec.summary,
    tags: spec.tags,
    // The least role of a person who may call it, for clients (and the role matrix) to read.
    "x-least-role": least,
    description: permit === "public" ? "Anyone may call." : permit === "service" ? `A service token of the service, or a person with role ${least} or above.` : `Role ${least} or above.`,
    security: permit === "public" ? [] : permit === "service" ? [{ bearer: [] }] : [{ session: [] }, { bearer: [] }],
    requestParams: { ...(spec.path && { path: spec.path }), ...(spec.query && { query: spec.query }) },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses,
  };
}

export const securitySchemes = {
  session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The session cookie of a person signed in to the console." },
  bearer: { type: "http", scheme: "bearer", description: "A service token, or a personal token acting with its owner's role." },
} as const;
