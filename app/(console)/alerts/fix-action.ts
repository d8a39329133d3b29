"use server";

import { currentCtx } from "@/lib/auth/current";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { rollbackConfig } from "@/lib/domain/config/rollback";
import { setMode } from "@/lib/domain/modes/set-mode";
import type { SuggestedAction } from "@/components/incidents/types";
import { attempt } from "../attempt";

// Public endpoint: each verb checks the caller's role and parses the action as its own input.

/** Sends an action the alert's context suggested, through the verb of its kind, with the alert named. */
export async function sendFix(action: SuggestedAction) {
  return attempt(async () => {
    const ctx = await currentCtx();
    if (action.kind === "flip_mode") await setMode(ctx, action);
    else if (action.kind === "force_breaker") await setBreakerOverride(ctx, action);
    else await rollbackConfig(ctx, action);
    return null;
  });
}
