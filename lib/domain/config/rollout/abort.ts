import { actorName } from "../../context";
import { defineMutation } from "../../mutation";
import { auditedVersion } from "../append-version";
import { documentTarget } from "../inputs";
import { endRunningBake } from "../lock-document";
import { restore } from "../rollback";
import { currentPercent } from "./active";
import { changeRollout, requireRollout } from "./lock-rollout";
import { rolloutActionInput } from "./verb-inputs";

/** An admin abandons a rollout: the document goes back to the version the rollout started from, for every instance. */
export const abortRollout = defineMutation({
  action: "config.rollback",
  permit: "admin",
  input: rolloutActionInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    const { document, rollout } = await requireRollout(tx, input.service, input.environment);
    const author = actorName(ctx.actor);
    const percent = currentPercent(rollout);
    const reason = input.reason ?? `The rollout of version ${rollout.version} was aborted at step ${rollout.step + 1} (${percent}%).`;
    const rolloutEvents = await changeRollout(tx, rollout, { status: "aborted", endedBy: author, endReason: reason, ended: true }, true);
    await endRunningBake(tx, document, author, "rolled_back");
    const appended = await restore(tx, document, rollout.fromVersion, reason, author);
    return {
      result: { version: appended.version },
      audit: {
        before: { version: rollout.version, step: rollout.step + 1, percent },
        after: auditedVersion(appended.version, appended.changes, { rollbackOf: rollout.fromVersion, rollout: "aborted" }),
        reason,
      },
      events: [...rolloutEvents, ...appended.events],
    };
  },
});
