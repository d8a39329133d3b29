import { db } from "@/lib/db/client";
import { tokenActor } from "@/lib/domain/access/principal";
import type { Ctx } from "@/lib/domain/context";
import { requestMeta } from "@/lib/auth/request-meta";
import { bearerOf } from "@/lib/auth/tokens";

/** The lane's caller: bearer tokens only (service and personal); no session cookie is read here. */
export async function laneCtx(req: Request): Promise<Ctx> {
  const bearer = bearerOf(req.headers.get("authorization"));
  const actor = bearer ? ((await tokenActor(db(), bearer)) ?? { kind: "anonymous" as const }) : { kind: "anonymous" as const };
  return { actor, ...requestMeta(req.headers) };
}
