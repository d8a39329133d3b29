import { actorName } from "../context";
import { defineMutation, type Change } from "../mutation";
import { auditedVersion } from "./append-version";
import { recordBreakGlass } from "./change-requests/break-glass";
import { requestApproval, type Requested } from "./change-requests/request-approval";
import { documentTarget, publishInput } from "./inputs";
import { checkExpected, lockDocument } from "./lock-document";
import { checkFreeze } from "./policy/freeze";
import { readPolicy } from "./policy/read-policy";
import { publishVersion } from "./publish-version";

/** A version published (with its review when the glass was broken), or a change request waiting for approval. */
export type PublishResult = { version: number; changeRequest?: { id: number; kind: "break_glass"; status: "applied" } } | Requested;

/**
 * Publishes a new version if `expectedVersion` is still the current one (compare-and-swap: a stale
 * one is refused with the current version, never merged). Under the document's policy a publish
 * may instead wait as a change request for approval, or be refused while the service burns;
 * break glass publishes at once under any policy and leaves a review.
 */
export const publishConfig = defineMutation({
  action: "config.publish",
  permit: "admin",
  input: publishInput,
  target: documentTarget,
  async run(tx, input, ctx): Promise<Change<PublishResult>> {
    const document = await lockDocument(tx, input.service, input.environment);
    checkExpected(document, input.expectedVersion);
    const policy = await readPolicy(tx, input.service, input.environment);
    const overridden = input.breakGlass ? [] : await checkFreeze(tx, document, policy, input.override);
    if (!input.breakGlass && policy.approvals > 0) return requestApproval(tx, document, input, policy, ctx);
    const author = actorName(ctx.actor);
    const appended = await publishVersion(tx, document, input, author);
    const review = input.breakGlass ? await recordBreakGlass(tx, input, appended.version, author) : null;
    const safety = {
      ...(input.bakeMinutes ? { bakeMinutes: input.bakeMinutes } : {}),
      ...(input.rollout ? { rollout: input.rollout } : {}),
      ...(review ? { breakGlass: { reason: review.breakGlassReason, changeRequestId: review.id } } : {}),
      ...(input.override && overridden.length > 0 ? { override: { reason: input.override.reason, alerts: overridden.map((a) => a.name) } } : {}),
    };
    return {
      result: { version: appended.version, ...(review ? { changeRequest: { id: review.id, kind: "break_glass" as const, status: "applied" as const } } : {}) },
      audit: { before: { version: document.currentVersion }, after: auditedVersion(appended.version, appended.changes, safety), reason: input.message },
      events: [...appended.events, ...(review ? [{ topic: "change_request" as const, id: String(review.id) }] : [])],
    };
  },
});
