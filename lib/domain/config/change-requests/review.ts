import { eq, sql } from "drizzle-orm";
import { changeRequests } from "@/drizzle/schema";
import { actorName } from "../../context";
import { Conflict, Forbidden } from "../../errors";
import { defineMutation } from "../../mutation";
import { changeRequestPath, changeRequestTarget } from "./inputs";
import { lockRequest } from "./lock-request";

/** Signs off a break-glass publish after the fact, as an admin other than the one who broke the glass. */
export const reviewChangeRequest = defineMutation({
  action: "change_request.review",
  permit: "admin",
  input: changeRequestPath,
  target: changeRequestTarget,
  async run(tx, input, ctx) {
    const request = await lockRequest(tx, input.id);
    if (request.kind !== "break_glass") throw new Conflict(`Change request ${request.id} is not a break-glass publish; approve or reject it instead.`);
    if (request.reviewedAt) throw new Conflict(`Change request ${request.id} was reviewed by ${request.reviewedBy ?? "someone"} already.`);
    const reviewer = actorName(ctx.actor);
    if (reviewer === request.author) throw new Forbidden("The admin who broke the glass cannot review it; another admin must.");
    await tx.update(changeRequests).set({ reviewedBy: reviewer, reviewedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(changeRequests.id, request.id));
    return {
      result: { changeRequest: { id: request.id, kind: "break_glass" as const, reviewedBy: reviewer } },
      audit: { after: { reviewed: true, version: request.appliedVersion, document: `${request.service}/${request.environment}` } },
      events: [{ topic: "change_request", id: String(request.id) }],
    };
  },
});
