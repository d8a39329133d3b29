import type { Verb } from "../mutation";
import { roleAtLeast, type Role } from "./roles";

type Permitted = Pick<Verb<unknown>, "permit" | "people">;

/** The least role of a person who may call a verb, read from the verb's own permit; none for a verb only the console's jobs call. */
export function leastRole(verb: Permitted): Role | null {
  if (verb.permit === "system") return null;
  return verb.permit === "service" ? (verb.people ?? "admin") : verb.permit;
}

/** Whether a person may call a verb: what a page asks before it offers the control. */
export function can(role: Role, verb: Permitted): boolean {
  const least = leastRole(verb);
  return least !== null && roleAtLeast(role, least);
}
