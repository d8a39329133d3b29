import { eq, sql } from "drizzle-orm";
import { changeRequests } from "@/drizzle/schema";
import { actorName } from "../../context";
import { defineMutation } from "../../mutation";
import { changeRequestTarget, rejectInput } from "./inputs";
import { checkPending, lockRequest } from "./lock-request";

/** Turns a pending request down with a reason; its author may withdraw it the same way. */
export const rejectChangeRequest = defineMutation({
  action: "change_request.reject",
  permit: "admin",
  input: rejectInput,
  target: changeRequestTarget,
  async run(tx, input, ctx) {
    const request = await lockRequest(tx, input.id);
    checkPending(request);
    await tx
      .update(changeRequests)
      .set({ status: "rejected", decidedBy: actorName(ctx.actor), decidedAt: sql`now()`, rejectReason: input.reason, updatedAt: sql`now()` })
      .where(eq(changeRequests.id, request.id));
    return {
      result: { changeRequest: { id: request.id, status: "rejected" as const } },
      audit: { before: { status: "pending" }, after: { status: "rejected", document: `${request.service}/${request.environment}` }, reason: input.reason },
      events: [{ topic: "change_request", id: String(request.id) }],
    };
  },
});
