import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { sessionActor, tokenActor } from "@/lib/domain/access/principal";
import type { Actor, Ctx } from "@/lib/domain/context";
import { authOptions } from "./options";
import { requestMeta } from "./request-meta";
import { bearerOf } from "./tokens";

/** The caller of the current request: a bearer token if one is sent, otherwise the session cookie. */
export async function currentCtx(): Promise<Ctx> {
  const h = await headers();
  return { actor: await currentActor(h), ...requestMeta(h) };
}

async function currentActor(h: Headers): Promise<Actor> {
  const bearer = bearerOf(h.get("authorization"));
  if (bearer) return (await tokenActor(db(), bearer)) ?? { kind: "anonymous" };
  const session = await getServerSession(authOptions());
  const uid = (session as { uid?: unknown } | null)?.uid;
  if (typeof uid !== "string") return { kind: "anonymous" };
  return (await sessionActor(db(), uid)) ?? { kind: "anonymous" };
}
