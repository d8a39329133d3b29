import { Conflict } from "../../errors";
import { defineMutation } from "../../mutation";
import { documentTarget } from "../inputs";
import { currentPercent } from "./active";
import { changeRollout, requireRollout } from "./lock-rollout";
import { rolloutActionInput } from "./verb-inputs";

/** An admin holds a rollout at its step: instances keep what they run, the guard keeps watching, no step follows until an advance. */
export const pauseRollout = defineMutation({
  action: "config.rollout.pause",
  permit: "admin",
  input: rolloutActionInput,
  target: documentTarget,
  async run(tx, input) {
    const { rollout } = await requireRollout(tx, input.service, input.environment);
    if (rollout.status === "paused") throw new Conflict(`The rollout of ${input.service}/${input.environment} is paused already.`);
    const events = await changeRollout(tx, rollout, { status: "paused" }, false);
    const at = { version: rollout.version, step: rollout.step + 1, percent: currentPercent(rollout) };
    return { result: { ...at, status: "paused" }, audit: { before: { ...at, status: rollout.status }, after: { ...at, status: "paused" }, reason: input.reason ?? null }, events };
  },
});
