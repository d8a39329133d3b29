import { eq, sql } from "drizzle-orm";
import { changeRequestApprovals, changeRequests } from "@/drizzle/schema";
import { actorName } from "../../context";
import { Forbidden } from "../../errors";
import { defineMutation } from "../../mutation";
import { checkExpected, lockDocument } from "../lock-document";
import { preparedBody } from "../publish-version";
import { changeRequestTarget, editInput } from "./inputs";
import { checkPending, lockRequest } from "./lock-request";

/**
 * Replaces what a pending request would publish, by its author. Approvals were given to the old
 * body, so they are all dropped, and its revision moves (a schedule made for it is then suspended).
 */
export const editChangeRequest = defineMutation({
  action: "change_request.edit",
  permit: "admin",
  input: editInput,
  target: changeRequestTarget,
  async run(tx, input, ctx) {
    const request = await lockRequest(tx, input.id);
    checkPending(request);
    if (actorName(ctx.actor) !== request.author) throw new Forbidden("Only the author edits a change request; propose yours as a new one.");
    const document = await lockDocument(tx, request.service, request.environment);
    checkExpected(document, input.expectedVersion);
    const body = preparedBody(document, input.body);
    const dropped = await tx.delete(changeRequestApprovals).where(eq(changeRequestApprovals.changeRequestId, request.id)).returning();
    const [row] = await tx
      .update(changeRequests)
      .set({ body, message: input.message, expectedVersion: input.expectedVersion, revision: sql`${changeRequests.revision} + 1`, updatedAt: sql`now()` })
      .where(eq(changeRequests.id, request.id))
      .returning({ revision: changeRequests.revision });
    return {
      result: { changeRequest: { id: request.id, status: "pending" as const, revision: row!.revision, approvals: 0 } },
      audit: { before: { revision: request.revision, expectedVersion: request.expectedVersion }, after: { revision: row!.revision, expectedVersion: input.expectedVersion, approvalsDropped: dropped.length }, reason: input.message },
      events: [{ topic: "change_request", id: String(request.id) }],
    };
  },
});
