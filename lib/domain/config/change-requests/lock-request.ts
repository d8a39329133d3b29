import { eq } from "drizzle-orm";
import { changeRequests } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { Conflict, NotFound } from "../../errors";

export type ChangeRequestRow = typeof changeRequests.$inferSelect;

/** Locks a change request until the transaction ends, so two approvals or an approval and an edit apply one after another. */
export async function lockRequest(tx: Db, id: number): Promise<ChangeRequestRow> {
  const [row] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for("update");
  if (!row) throw new NotFound(`Change request ${id}`);
  return row;
}

/** Refuses to act on a request that is no longer waiting. */
export function checkPending(request: ChangeRequestRow): void {
  if (request.kind === "approval" && request.status === "pending") return;
  throw new Conflict(`Change request ${request.id} is ${request.kind === "break_glass" ? "a break-glass publish" : request.status}, not pending.`, { status: request.status });
}
