import { roles } from "@/drizzle/schema/users";

export { roles };
export type Role = (typeof roles)[number];

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  if (!role) return false;
  return roles.indexOf(role) >= roles.indexOf(needed);
}
