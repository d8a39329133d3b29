"use server";

import { setBreakerOverride } from "@/lib/domain/breakers/override";
import { action } from "../attempt";

// A public endpoint: the verb checks the caller's role and parses the input itself.
export const overrideBreaker = action(setBreakerOverride);
