"use server";

import type { OverrideRequest } from "@/components/breakers/types";
import { currentCtx } from "@/lib/auth/current";
import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { attempt } from "../attempt";

// A public endpoint: the verb checks the caller's role and parses the input itself.
export async function overrideBreaker(input: OverrideRequest) {
  return attempt(async () => {
    await setBreakerOverride(await currentCtx(), input);
    return null;
  });
}
