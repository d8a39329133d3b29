import { redirect } from "next/navigation";
import { cache } from "react";
import { currentCtx } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/access/roles";
import type { Actor, Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { checkPermit } from "@/lib/domain/mutation";

export type Person = Extract<Actor, { kind: "user" }>;

/** The signed-in person of this request, read once however many layouts and pages ask; anyone else goes to sign-in. */
export const signedIn = cache(async (): Promise<{ ctx: Ctx; person: Person }> => {
  const ctx = await currentCtx();
  if (ctx.actor.kind !== "user") redirect("/signin");
  return { ctx, person: ctx.actor };
});

/**
 * Whether the signed-in person may see the page at `path`. A refusal is audited like a refused
 * API read, through the same check.
 */
export async function pageAccess(permit: Role, path: string): Promise<{ ctx: Ctx; person: Person; allowed: boolean }> {
  const { ctx, person } = await signedIn();
  try {
    await checkPermit(db(), ctx, { action: "read", permit }, { target: path, service: null });
    return { ctx, person, allowed: true };
  } catch (error) {
    if (error instanceof Forbidden) return { ctx, person, allowed: false };
    throw error;
  }
}
