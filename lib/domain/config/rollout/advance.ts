import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { actorName } from "../../context";
import { defineMutation } from "../../mutation";
import { documentTarget } from "../inputs";
import { currentPercent, type Rollout } from "./active";
import { changeRollout, lockRollout, requireRollout } from "./lock-rollout";
import { rolloutActionInput, rolloutAt } from "./verb-inputs";

/** An admin moves a rollout to its next step now (a paused one resumes); past the last step it completes. */
export const advanceRollout = defineMutation({
  action: "config.rollout.advance",
  permit: "admin",
  input: rolloutActionInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    const { rollout } = await requireRollout(tx, input.service, input.environment);
    return nextStep(tx, rollout, actorName(ctx.actor), input.reason ?? null);
  },
});

/**
 * The console moves a rollout on once its step has lasted `stepSeconds`. Every process may try at
 * once: under the document's lock it acts only on the step it was asked about, still running and
 * still due, so the step moves once.
 */
export const stepRolloutOnTime = defineMutation({
  action: "config.rollout.advance",
  permit: "system",
  input: rolloutAt,
  target: documentTarget,
  async run(tx, input, ctx) {
    const { rollout } = await lockRollout(tx, input.service, input.environment);
    if (!rollout || rollout.version !== input.version || rollout.step !== input.step || rollout.status !== "running" || !(await isDue(tx, rollout))) {
      return { result: null, audit: null, events: [] };
    }
    return nextStep(tx, rollout, actorName(ctx.actor), `step ${rollout.step + 1} lasted ${rollout.stepSeconds} s without tripping the guard`);
  },
});

async function nextStep(tx: Db, rollout: Rollout, by: string, reason: string | null) {
  const last = rollout.step + 1 >= rollout.steps.length;
  const before = { version: rollout.version, step: rollout.step + 1, percent: currentPercent(rollout), status: rollout.status };
  let events: LiveEvent[];
  let after: Record<string, unknown>;
  if (last) {
    events = await changeRollout(tx, rollout, { status: "completed", endedBy: by, ended: true }, true);
    after = { version: rollout.version, status: "completed" };
  } else {
    const next = { ...rollout, step: rollout.step + 1 };
    events = await changeRollout(tx, rollout, { step: next.step, status: "running", started: true }, true);
    after = { version: rollout.version, step: next.step + 1, percent: currentPercent(next), status: "running" };
  }
  return { result: after, audit: { before, after, reason }, events };
}

async function isDue(tx: Db, rollout: Rollout): Promise<boolean> {
  const [row] = await tx.execute<{ due: boolean }>(sql`select ${rollout.stepStartedAt.toISOString()}::timestamptz + make_interval(secs => ${rollout.stepSeconds}) <= now() as due`);
  return row?.due === true;
}
