import type { z } from "zod";
import { currentCtx } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/access/roles";
import type { Ctx } from "@/lib/domain/context";
import { checkPermit, type Verb } from "@/lib/domain/mutation";
import { parseQuery } from "@/lib/domain/validation";
import { measured } from "@/lib/observability/http-metrics";
import { bearerOf } from "@/lib/auth/tokens";
import { readJson } from "./body";
import { errorResponse, json } from "./respond";
import { assertSameOrigin } from "./same-origin";

type Params = Record<string, string>;
interface Call<P extends Params> {
  req: Request;
  ctx: Ctx;
  params: P;
}
type RouteContext<P> = { params: Promise<P> };
type Result = Response | unknown;

/** A route anyone may call: health, readiness, metrics, the OpenAPI document. */
export function publicRoute<P extends Params>(fn: (call: Omit<Call<P>, "ctx">) => Promise<Result>) {
  return measured(async (req: Request, context: RouteContext<P>) => {
    try {
      return toResponse(await fn({ req, params: await context.params }));
    } catch (error) {
      return errorResponse(error, crypto.randomUUID());
    }
  });
}

/**
 * A route whose read checks its caller itself, because no one role says who may: a signed-in
 * person, or a service token covering the service the path names. The control document, the
 * control stream and a service's config are such reads, and the lane calls them unchanged.
 */
export function serviceReadRoute<P extends Params>(fn: (call: Call<P>) => Promise<Result>) {
  return measured(async (req: Request, context: RouteContext<P>) => {
    const ctx = await currentCtx();
    try {
      return toResponse(await fn({ req, ctx, params: await context.params }));
    } catch (error) {
      return errorResponse(error, ctx.requestId);
    }
  });
}

/**
 * A route that reads: the caller must hold the least role `permit`, or the refusal is audited as
 * `read` of the path. With a `query` schema the handler gets the query string parsed; a bad one is
 * a 400 naming the parameter, answered only to a caller who may read.
 */
export function readRoute<P extends Params, Q = undefined>(permit: Role, fn: (call: Call<P> & { query: Q }) => Promise<Result>, query?: z.ZodType<Q>) {
  return measured(async (req: Request, context: RouteContext<P>) => {
    const ctx = await currentCtx();
    try {
      const params = await context.params;
      const url = new URL(req.url);
      await checkPermit(db(), ctx, { action: "read", permit }, { target: url.pathname, service: null });
      const parsed = query ? parseQuery(query, url.searchParams) : undefined;
      return toResponse(await fn({ req, ctx, params, query: parsed as Q }));
    } catch (error) {
      return errorResponse(error, ctx.requestId);
    }
  });
}

/**
 * A route that changes state through one verb. The caller is checked before the body is read, so
 * an anonymous 2 MiB body gets 401, not 413; the verb checks again with the parsed input. A caller
 * without a bearer token must be a page of this site (no cross-site request forgery).
 */
export function writeRoute<P extends Params, O>(
  verb: Verb<O>,
  toInput: (call: Call<P> & { body: unknown }) => unknown,
  status: number | ((result: O) => number) = 200,
  present: (result: O) => unknown = (r) => r,
) {
  return measured(async (req: Request, context: RouteContext<P>) => {
    const ctx = await currentCtx();
    try {
      const params = await context.params;
      if (!bearerOf(req.headers.get("authorization"))) assertSameOrigin(req);
      await checkPermit(db(), ctx, verb, { target: null, service: null });
      const body = await readJson(req);
      const result = await verb(ctx, toInput({ req, ctx, params, body }));
      return json(present(result), typeof status === "number" ? status : status(result), { "x-request-id": ctx.requestId });
    } catch (error) {
      return errorResponse(error, ctx.requestId);
    }
  });
}

function toResponse(result: Result): Response {
  return result instanceof Response ? result : json(result);
}
