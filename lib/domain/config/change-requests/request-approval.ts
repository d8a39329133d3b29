import { changeRequests } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName, type Ctx } from "../../context";
import type { Change } from "../../mutation";
import type { PublishInput } from "../inputs";
import type { LockedDocument } from "../lock-document";
import type { Policy } from "../policy/read-policy";
import { preparedBody } from "../publish-version";

export interface Requested {
  version?: undefined;
  changeRequest: { id: number; kind: "approval"; status: "pending"; approvalsRequired: number };
}

/** Holds a publish as a change request under a policy that wants approvals; no version is created. */
export async function requestApproval(tx: Db, document: LockedDocument, input: PublishInput, policy: Policy, ctx: Ctx): Promise<Change<Requested>> {
  const body = preparedBody(document, input.body);
  const [row] = await tx
    .insert(changeRequests)
    .values({
      kind: "approval",
      status: "pending",
      service: document.service,
      environment: document.environment,
      body,
      message: input.message,
      expectedVersion: input.expectedVersion,
      bakeMinutes: input.bakeMinutes ?? null,
      rollout: input.rollout ?? null,
      approvalsRequired: policy.approvals,
      author: actorName(ctx.actor),
    })
    .returning({ id: changeRequests.id });
  const id = row!.id;
  return {
    result: { changeRequest: { id, kind: "approval", status: "pending", approvalsRequired: policy.approvals } },
    audit: {
      action: "config.request",
      before: { version: document.currentVersion },
      after: { changeRequestId: id, expectedVersion: input.expectedVersion, approvalsRequired: policy.approvals },
      reason: input.message,
    },
    events: [
      { topic: "change_request", id: String(id) },
      { topic: "config", id: `${document.service}/${document.environment}` },
    ],
  };
}
