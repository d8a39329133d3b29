import { actorName } from "../../context";
import { defineMutation } from "../../mutation";
import { auditedVersion } from "../append-version";
import { documentTarget } from "../inputs";
import { endRunningBake } from "../lock-document";
import { rollBackBySystem } from "../system-rollback";
import { currentPercent } from "./active";
import { describeReadings } from "./guard";
import { changeRollout, lockRollout } from "./lock-rollout";
import { guardReadings } from "./readings";
import { rolloutAt } from "./verb-inputs";

/**
 * The console halts a rollout whose guard tripped: it rolls the document back to the version the
 * rollout started from, as the system, with the readings in the reason, and raises
 * `ConfigRolloutHalted`. The readings are taken again under the document's lock, and it acts only
 * on the rollout it was asked about while that still runs, so racing processes roll back once.
 */
export const haltTrippedRollout = defineMutation({
  action: "config.rollback",
  permit: "system",
  input: rolloutAt,
  target: documentTarget,
  async run(tx, input, ctx) {
    const { document, rollout } = await lockRollout(tx, input.service, input.environment);
    if (!rollout || rollout.version !== input.version || rollout.step !== input.step) return { result: null, audit: null, events: [] };
    const readings = await guardReadings(tx, rollout);
    if (readings.tripped.length === 0) return { result: null, audit: null, events: [] };
    const percent = currentPercent(rollout);
    const reason = `Automatic rollback: the rollout of version ${rollout.version} tripped its guard at step ${rollout.step + 1} (${percent}%): ${describeReadings(readings, rollout.guard)}.`;
    const author = actorName(ctx.actor);
    const rolloutEvents = await changeRollout(tx, rollout, { status: "halted", endedBy: author, endReason: reason, haltReadings: { ...readings }, ended: true }, true);
    await endRunningBake(tx, document, author, "rolled_back");
    const appended = await rollBackBySystem(tx, document, {
      toVersion: rollout.fromVersion,
      reason,
      author,
      alertName: "ConfigRolloutHalted",
      summary: `Config ${rollout.service}/${rollout.environment}: the rollout of version ${rollout.version} was halted at ${percent}% and rolled back to version ${rollout.fromVersion}`,
    });
    return {
      result: { version: appended.version, readings },
      audit: {
        before: { version: rollout.version, step: rollout.step + 1, percent },
        after: auditedVersion(appended.version, appended.changes, { rollbackOf: rollout.fromVersion, rollout: "halted", readings }),
        reason,
      },
      events: [...rolloutEvents, ...appended.events],
    };
  },
});
