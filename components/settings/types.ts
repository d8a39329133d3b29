import type { ActionResult } from "@/components/ui/action-result";
import type { listTokens } from "@/lib/domain/access/service-tokens";
import type { listUsers } from "@/lib/domain/access/users";
import type { AsJson } from "@/lib/json";

export type UserRow = AsJson<Awaited<ReturnType<typeof listUsers>>[number]>;
export type TokenRow = AsJson<Awaited<ReturnType<typeof listTokens>>[number]>;

/** The server actions the settings page hands to its forms. */
export interface SettingsActions {
  addUser(input: { email: string; role: string }): Promise<ActionResult<{ email: string; password: string }>>;
  changeUser(input: { email: string; role?: string; disabled?: boolean }): Promise<ActionResult<null>>;
  createToken(input: { name: string; scope: string }): Promise<ActionResult<{ name: string; token: string }>>;
  revokeToken(input: { name: string }): Promise<ActionResult<null>>;
}

// Users and tokens change only through audited verbs, so the audit topic is their change feed.
export const usersKey = ["users"] as const;
export const tokensKey = ["tokens"] as const;
