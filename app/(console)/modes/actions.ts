"use server";

import { currentCtx } from "@/lib/auth/current";
import type { ControlDocument } from "@/lib/domain/control/document";
import { Conflict } from "@/lib/domain/errors";
import type { VerbInput } from "@/lib/domain/mutation";
import { clearMode, setMode } from "@/lib/domain/modes/set-mode";
import { attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export async function flipMode(input: VerbInput<typeof setMode>) {
  return attempt(() => orConflict(async () => setMode(await currentCtx(), input)));
}

export async function returnToAutomatic(input: VerbInput<typeof clearMode>) {
  return attempt(() => orConflict(async () => clearMode(await currentCtx(), input)));
}

/** A stale revision is an answer for the operator, not a failure: it carries the newer state to show them. */
async function orConflict(run: () => Promise<unknown>): Promise<{ conflict: ControlDocument | null }> {
  try {
    await run();
    return { conflict: null };
  } catch (error) {
    if (error instanceof Conflict && error.details.current) return { conflict: error.details.current as ControlDocument };
    throw error;
  }
}
