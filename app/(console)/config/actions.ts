"use server";

import { currentCtx } from "@/lib/auth/current";
import { endBake } from "@/lib/domain/config/bake";
import { addEnvironment } from "@/lib/domain/config/environments";
import { publishConfig, type PublishResult } from "@/lib/domain/config/publish";
import { revealConfig } from "@/lib/domain/config/reveal";
import { rollbackConfig } from "@/lib/domain/config/rollback";
import { abortRollout } from "@/lib/domain/config/rollout/abort";
import { advanceRollout } from "@/lib/domain/config/rollout/advance";
import { pauseRollout } from "@/lib/domain/config/rollout/pause";
import { setConfigSchema } from "@/lib/domain/config/set-schema";
import { approveChangeRequest } from "@/lib/domain/config/change-requests/approve";
import { rejectChangeRequest } from "@/lib/domain/config/change-requests/reject";
import { reviewChangeRequest } from "@/lib/domain/config/change-requests/review";
import { setConfigPolicy } from "@/lib/domain/config/policy/set-policy";
import { deleteTemplate, saveTemplate } from "@/lib/domain/config/templates";
import type { Published } from "@/components/config/types";
import { Conflict, Unprocessable, ValidationError, type Issue } from "@/lib/domain/errors";
import type { VerbInput } from "@/lib/domain/mutation";
import { action, attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export async function publish(input: VerbInput<typeof publishConfig>) {
  return attempt(() => answered(async () => publishConfig(await currentCtx(), input)));
}

export async function rollback(input: VerbInput<typeof rollbackConfig>) {
  return attempt(() => answered(async () => rollbackConfig(await currentCtx(), input)));
}

export const saveSchema = action(setConfigSchema);

export const endBakeEarly = action(endBake);

export const reveal = action(revealConfig, (revealed) => revealed.body);

export const saveAsTemplate = action(saveTemplate);

export const removeTemplate = action(deleteTemplate);

export const addConfigEnvironment = action(addEnvironment);

export const savePolicy = action(setConfigPolicy);

type Document = { service: string; environment: string };

const rolloutMoves = { advance: advanceRollout, pause: pauseRollout, abort: abortRollout };

export async function moveRollout({ move, ...input }: Document & { move: keyof typeof rolloutMoves; reason?: string }) {
  return attempt(async () => {
    // A server action's input comes from the browser unchecked: only the three own names pick a verb.
    if (!Object.hasOwn(rolloutMoves, move)) throw new ValidationError([{ path: "move", message: "advance, pause or abort" }]);
    await rolloutMoves[move](await currentCtx(), input);
    return null;
  });
}

/** The request's status after the approval: still pending, applied, or stale (the document moved). */
export const approveRequest = action(approveChangeRequest, (approved) => approved.changeRequest.status);

export const rejectRequest = action(rejectChangeRequest);

export const reviewRequest = action(reviewChangeRequest);

async function answered(run: () => Promise<PublishResult>): Promise<Published> {
  try {
    const result = await run();
    return result.version === undefined ? { changeRequest: result.changeRequest.id } : { version: result.version };
  } catch (error) {
    if (error instanceof Conflict && typeof error.details.currentVersion === "number") return { conflict: error.details.currentVersion };
    if (error instanceof Unprocessable && Array.isArray(error.details.issues) && error.details.issues.length > 0) return { issues: error.details.issues as Issue[] };
    throw error;
  }
}
