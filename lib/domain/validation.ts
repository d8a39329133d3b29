import { z } from "zod";
import { ValidationError, type Issue } from "./errors";

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Parses route parameters or a query for a read, refusing them as a 400 like a verb's input. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return parsed.data;
}

/**
 * A query string read through its schema. A parameter the schema takes as a list (alerts' `label`)
 * reads every occurrence, any other its last one.
 */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, unknown> = Object.fromEntries(params);
  for (const key of listKeys(schema)) raw[key] = params.getAll(key);
  return parseOrRefuse(schema, raw);
}

function listKeys(schema: z.ZodType): string[] {
  const object = bare(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape).flatMap(([key, value]) => (bare(value as z.ZodType) instanceof z.ZodArray ? [key] : []));
}

/** The schema a value meets first, under defaults, optionality and transforms. */
function bare(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return bare(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return bare(schema.in as z.ZodType);
  return schema;
}
