import type { z } from "zod";
import { ValidationError } from "../errors";
import { issuesOf } from "../validation";

/** A query string read through its zod schema; a bad one is a 400 naming the parameter. */
export function parseParams<S extends z.ZodType>(schema: S, url: string): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return parsed.data;
}
