import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/access/roles";
import { createToken } from "@/lib/domain/access/service-tokens";
import { createUser } from "@/lib/domain/access/users";
import { systemCtx } from "@/lib/domain/context";
import { unique } from "./unique";

/** Seeds go through the domain verbs as the console itself, exactly as `npm run cli` does. */

export interface SeededUser {
  email: string;
  password: string;
  role: Role;
}

export async function seedUser(db: Db, role: Role, email = `${unique(role)}@example.com`): Promise<SeededUser> {
  const { password } = await createUser(systemCtx(), { email, role }, db);
  return { email, password, role };
}

/** A service token scoped to `service` (or `*`): its name and its bearer value. */
export async function seedServiceToken(db: Db, service: string): Promise<{ name: string; token: string }> {
  const name = unique(`svc-${service === "*" ? "all" : service}`);
  const { token } = await createToken(systemCtx(), { name, service }, db);
  return { name, token };
}

/** A personal token carrying the role of the user with this email; returns the bearer value. */
export async function seedPersonalToken(db: Db, email: string): Promise<string> {
  const { token } = await createToken(systemCtx(), { name: unique("personal"), user: email }, db);
  return token;
}

export { unique };
