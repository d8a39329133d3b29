import { z } from "zod";
import { actorName } from "../../context";
import { Conflict } from "../../errors";
import { defineMutation, type Change } from "../../mutation";
import { applyRequest, approvalCount } from "./apply-request";
import { changeRequestId } from "./inputs";
import { checkPending, lockRequest } from "./lock-request";

export type ScheduledApply = { outcome: "applied"; version: number } | { outcome: "stale"; reason: string };

const scheduledApply = z.object({ id: changeRequestId, revision: z.number().int().positive() });

/**
 * Applies a change request at its schedule's time, as the console, if it is still the revision
 * the schedule was made for and has all its approvals. Audited as the publish it is; a request
 * gone stale is audited as such and reported, so the schedule is suspended with the reason.
 */
export const applyScheduledRequest = defineMutation({
  action: "config.publish",
  permit: "admin",
  input: scheduledApply,
  target: (i) => `change_request:${i.id}`,
  async run(tx, input, ctx): Promise<Change<ScheduledApply>> {
    const request = await lockRequest(tx, input.id);
    checkPending(request);
    if (request.revision !== input.revision) throw new Conflict(`Change request ${request.id} was edited after the schedule was made (revision ${request.revision}, scheduled ${input.revision}).`);
    const approvals = await approvalCount(tx, request.id);
    if (approvals < request.approvalsRequired) throw new Conflict(`Change request ${request.id} has ${approvals} of the ${request.approvalsRequired} approvals it needs.`);
    const applied = await applyRequest(tx, request, actorName(ctx.actor));
    const target = `config:${request.service}/${request.environment}`;
    if (applied.outcome === "stale") {
      const reason = `${request.service}/${request.environment} is at version ${applied.currentVersion}, not ${request.expectedVersion}: the change request went stale.`;
      return {
        result: { outcome: "stale" as const, reason },
        audit: { action: "change_request.stale", after: { status: "stale", expectedVersion: request.expectedVersion, currentVersion: applied.currentVersion }, reason },
        events: applied.events,
      };
    }
    return {
      result: { outcome: "applied" as const, version: applied.version },
      audit: { target, before: { version: request.expectedVersion }, after: applied.audit, reason: request.message },
      events: applied.events,
    };
  },
});
