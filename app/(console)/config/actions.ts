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
import { attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

type Document = { service: string; environment: string };

type Safety = { breakGlass?: { reason: string }; override?: { reason: string } };
type Rollout = { rollout?: { steps: number[]; stepSeconds: number } };

export async function publish(input: Document & Safety & Rollout & { body: Record<string, unknown>; message: string; expectedVersion: number; bakeMinutes?: number }) {
  return attempt(() => answered(async () => publishConfig(await currentCtx(), input)));
}

export async function rollback(input: Document & { toVersion: number; reason: string; expectedVersion: number }) {
  return attempt(() => answered(async () => rollbackConfig(await currentCtx(), input)));
}

export async function saveSchema(input: Document & { schema: Record<string, unknown> | null }) {
  return attempt(async () => {
    await setConfigSchema(await currentCtx(), input);
    return null;
  });
}

export async function endBakeEarly(input: Document) {
  return attempt(async () => {
    await endBake(await currentCtx(), input);
    return null;
  });
}

export async function reveal(input: Document & { version: number }) {
  return attempt(async () => (await revealConfig(await currentCtx(), input)).body);
}

export async function saveAsTemplate(input: { name: string; body: Record<string, unknown> }) {
  return attempt(async () => {
    await saveTemplate(await currentCtx(), input);
    return null;
  });
}

export async function removeTemplate(input: { name: string }) {
  return attempt(async () => {
    await deleteTemplate(await currentCtx(), input);
    return null;
  });
}

export async function addConfigEnvironment(input: { name: string }) {
  return attempt(async () => {
    await addEnvironment(await currentCtx(), input);
    return null;
  });
}

export async function savePolicy(input: Document & { approvals: number; freezeWhileCritical: boolean }) {
  return attempt(async () => {
    await setConfigPolicy(await currentCtx(), input);
    return null;
  });
}

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
export async function approveRequest(input: { id: number }) {
  return attempt(async () => (await approveChangeRequest(await currentCtx(), input)).changeRequest.status);
}

export async function rejectRequest(input: { id: number; reason: string }) {
  return attempt(async () => {
    await rejectChangeRequest(await currentCtx(), input);
    return null;
  });
}

export async function reviewRequest(input: { id: number }) {
  return attempt(async () => {
    await reviewChangeRequest(await currentCtx(), input);
    return null;
  });
}

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
