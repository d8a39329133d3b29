/** The roles, least to most; each may do what the ones before it may. Pure, so pages and the browser share it. */
export const roles = ["viewer", "responder", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  if (!role) return false;
  return roles.indexOf(role) >= roles.indexOf(needed);
}
