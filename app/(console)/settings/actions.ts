"use server";

import { currentCtx } from "@/lib/auth/current";
import { createToken as createTokenVerb, revokeToken as revokeTokenVerb } from "@/lib/domain/access/service-tokens";
import { createUser, updateUser } from "@/lib/domain/access/users";
import { attempt } from "../attempt";

// Each action is a public endpoint: the verb checks the caller's role and parses the input itself.

export async function addUser(input: { email: string; role: string }) {
  return attempt(async () => {
    const { email, password } = await createUser(await currentCtx(), input);
    return { email, password };
  });
}

export async function changeUser(input: { email: string; role?: string; disabled?: boolean }) {
  return attempt(async () => {
    await updateUser(await currentCtx(), input);
    return null;
  });
}

/** A service name (or `*`) makes a service token; an email makes a personal token for that person. */
export async function createToken(input: { name: string; scope: string }) {
  return attempt(async () => {
    const scope = String(input.scope ?? "").trim();
    const owner = scope.includes("@") ? { user: scope } : { service: scope };
    const { name, token } = await createTokenVerb(await currentCtx(), { name: input.name, ...owner });
    return { name, token };
  });
}

export async function revokeToken(input: { name: string }) {
  return attempt(async () => {
    await revokeTokenVerb(await currentCtx(), input);
    return null;
  });
}
