import type { Role } from "../access/roles";
import { can, leastRole } from "../access/can";
import { setBreakerOverride } from "../breakers/override";
import { rollbackConfig } from "../config/rollback";
import { setMode } from "../modes/set-mode";

/** The verb each kind of suggested action goes through; its permit is the action's least role. */
export const fixVerbs = { flip_mode: setMode, force_breaker: setBreakerOverride, rollback_config: rollbackConfig } as const;

export function fixRole(kind: keyof typeof fixVerbs): Role {
  const role = leastRole(fixVerbs[kind]);
  if (role === null) throw new Error(`${fixVerbs[kind].action} is not a verb people call`);
  return role;
}

/** Whether a person may send any suggested action, so a page offers the buttons at all. */
export const maySendFixes = (role: Role): boolean => Object.values(fixVerbs).some((verb) => can(role, verb));
