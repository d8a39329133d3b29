"use server";

import { currentCtx } from "@/lib/auth/current";
import type { SuggestedAction } from "@/components/incidents/types";
import { fixVerbs } from "@/lib/domain/alerts/fix-verbs";
import { attempt } from "../attempt";

// Public endpoint: each verb checks the caller's role and parses the action as its own input.

/** Sends an action the alert's context suggested, through the verb of its kind, with the alert named. */
export async function sendFix(action: SuggestedAction) {
  return attempt(async () => {
    await fixVerbs[action.kind](await currentCtx(), action);
    return null;
  });
}
