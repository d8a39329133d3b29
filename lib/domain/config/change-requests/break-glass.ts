import { changeRequests } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { PublishInput } from "../inputs";

/** Records a break-glass publish as an applied change request that waits for another admin's review. */
export async function recordBreakGlass(tx: Db, input: PublishInput, version: number, author: string) {
  const [row] = await tx
    .insert(changeRequests)
    .values({
      kind: "break_glass",
      status: "applied",
      service: input.service,
      environment: input.environment,
      body: input.body,
      message: input.message,
      expectedVersion: input.expectedVersion,
      bakeMinutes: input.bakeMinutes ?? null,
      rollout: input.rollout ?? null,
      approvalsRequired: 0,
      author,
      appliedVersion: version,
      decidedBy: author,
      decidedAt: new Date(),
      breakGlassReason: input.breakGlass?.reason ?? null,
    })
    .returning({ id: changeRequests.id, kind: changeRequests.kind, status: changeRequests.status, breakGlassReason: changeRequests.breakGlassReason });
  return row!;
}
