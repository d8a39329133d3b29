import { changeRequestApprovals } from "@/drizzle/schema";
import { actorName } from "../../context";
import { Conflict, Forbidden } from "../../errors";
import { defineMutation } from "../../mutation";
import { applyRequest, approvalCount, scheduledFor } from "./apply-request";
import { changeRequestPath, changeRequestTarget } from "./inputs";
import { checkPending, lockRequest } from "./lock-request";

export type Approval =
  | { changeRequest: { id: number; status: "pending"; approvals: number; approvalsRequired: number } }
  | { changeRequest: { id: number; status: "applied"; version: number } }
  | { changeRequest: { id: number; status: "stale" }; currentVersion: number };

/**
 * Approves a pending request as an admin other than its author (four eyes). The approval that
 * completes the count applies it, unless a schedule is to apply it at its time; that apply is
 * audited as the publish it is.
 */
export const approveChangeRequest = defineMutation({
  action: "change_request.approve",
  permit: "admin",
  input: changeRequestPath,
  target: changeRequestTarget,
  async run(tx, input, ctx) {
    const request = await lockRequest(tx, input.id);
    checkPending(request);
    const approver = actorName(ctx.actor);
    if (approver === request.author) throw new Forbidden("The author of a change request cannot approve it; another admin must.");
    const added = await tx.insert(changeRequestApprovals).values({ changeRequestId: request.id, approver }).onConflictDoNothing().returning();
    if (added.length === 0) throw new Conflict(`You already approved change request ${request.id}.`);
    const approvals = await approvalCount(tx, request.id);
    const target = `config:${request.service}/${request.environment}`;
    const events = [{ topic: "change_request" as const, id: String(request.id) }];
    if (approvals < request.approvalsRequired || (await scheduledFor(tx, request.id))) {
      return {
        result: { changeRequest: { id: request.id, status: "pending", approvals, approvalsRequired: request.approvalsRequired } } as Approval,
        audit: { after: { approvals, approvalsRequired: request.approvalsRequired } },
        events,
      };
    }
    const applied = await applyRequest(tx, request, approver);
    if (applied.outcome === "stale") {
      return {
        result: { changeRequest: { id: request.id, status: "stale" }, currentVersion: applied.currentVersion } as Approval,
        audit: { after: { status: "stale", expectedVersion: request.expectedVersion, currentVersion: applied.currentVersion } },
        events: applied.events,
      };
    }
    return {
      result: { changeRequest: { id: request.id, status: "applied", version: applied.version } } as Approval,
      audit: { action: "config.publish", target, before: { version: request.expectedVersion }, after: { ...applied.audit, approvedBy: approver }, reason: request.message },
      events: applied.events,
    };
  },
});
