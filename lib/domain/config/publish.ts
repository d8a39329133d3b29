import { actorName } from "../context";
import { Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { appendVersion, auditedVersion } from "./append-version";
import { documentTarget, publishInput } from "./inputs";
import { schemaViolations } from "./json-schema";
import { checkExpected, endRunningBake, lockDocument } from "./lock-document";
import { restoreMasked } from "./secrets";

/**
 * Publishes a new version if `expectedVersion` is still the current one (compare-and-swap: a stale
 * one is refused with the current version, never merged). Values still showing the mask keep the
 * stored secret; the body must satisfy the document's schema.
 */
export const publishConfig = defineMutation({
  action: "config.publish",
  permit: "admin",
  input: publishInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    const document = await lockDocument(tx, input.service, input.environment);
    checkExpected(document, input.expectedVersion);
    const { body, issues } = restoreMasked(input.body, document.currentBody);
    if (issues.length > 0) throw new Unprocessable("The body has masked values with nothing stored behind them.", issues);
    const violations = document.schema ? schemaViolations(document.schema, body) : [];
    if (violations.length > 0) throw new Unprocessable("The body does not match the document's schema.", violations);
    const author = actorName(ctx.actor);
    await endRunningBake(tx, document, author, "ended");
    const appended = await appendVersion(tx, document, { body, message: input.message, author, rollbackOf: null, bakeMinutes: input.bakeMinutes ?? null, rollout: input.rollout ?? null });
    return {
      result: { version: appended.version },
      audit: {
        before: { version: document.currentVersion },
        after: auditedVersion(appended.version, appended.changes, { ...(input.bakeMinutes ? { bakeMinutes: input.bakeMinutes } : {}), ...(input.rollout ? { rollout: input.rollout } : {}) }),
        reason: input.message,
      },
      events: appended.events,
    };
  },
});
