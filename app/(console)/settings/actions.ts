"use server";

import { currentCtx } from "@/lib/auth/current";
import { createToken as createTokenVerb, revokeToken as revokeTokenVerb } from "@/lib/domain/access/service-tokens";
import { createUser, updateUser } from "@/lib/domain/access/users";
import { action, attempt } from "../attempt";

// Each action is a public endpoint: the verb checks the caller's role and parses the input itself.

// The generated password is shown once; nothing else of the new user goes back to the browser.
export const addUser = action(createUser, ({ email, password }) => ({ email, password }));

export const changeUser = action(updateUser);

/** A service name (or `*`) makes a service token; an email makes a personal token for that person. */
export async function createToken(input: { name: string; scope: string }) {
  return attempt(async () => {
    const scope = String(input.scope ?? "").trim();
    const owner = scope.includes("@") ? { user: scope } : { service: scope };
    const { name, token } = await createTokenVerb(await currentCtx(), { name: input.name, ...owner });
    return { name, token };
  });
}

export const revokeToken = action(revokeTokenVerb);
