import type { Role } from "../access/roles";
import { can, leastRole } from "../access/can";
import { setBreakerOverride } from "../breakers/override";
import { rollbackConfig } from "../config/rollback";
import { setMode } from "../modes/set-mode";

/** The verb each kind of suggested action goes through; its permit is the action's least role. */
export const fixVerbs = { flip_mode: setMode, force_breaker: setBreakerOverride, rollback_config: rollbackConfig } as const;

export const fixRole = (kind: keyof typeof fixVerbs): Role => leastRole(fixVerbs[kind]);

/** Whether a person may send any suggested action, so a page offers the buttons at all. */
export const maySendFixes = (role: Role): boolean => Object.values(fixVerbs).some((verb) => can(role, verb));
