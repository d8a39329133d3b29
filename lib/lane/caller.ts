import { db } from "@/lib/db/client";
import { cachedTokenActor } from "@/lib/domain/access/cached-token-actor";
import type { Ctx } from "@/lib/domain/context";
import { requestMeta } from "@/lib/auth/request-meta";
import { bearerOf } from "@/lib/auth/tokens";

/** The lane's caller: bearer tokens only (service and personal), trusted for `TOKEN_TRUST_MS`; no session cookie is read here. */
export async function laneCtx(headers: Pick<Headers, "get">): Promise<Ctx> {
  const bearer = bearerOf(headers.get("authorization"));
  const actor = bearer ? ((await cachedTokenActor(db(), bearer)) ?? { kind: "anonymous" as const }) : { kind: "anonymous" as const };
  return { actor, ...requestMeta(headers) };
}
