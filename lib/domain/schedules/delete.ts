import { eq } from "drizzle-orm";
import { schedules } from "@/drizzle/schema";
import { roleAtLeast } from "../access/roles";
import { Conflict, Forbidden, NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { schedulePath, scheduleTarget } from "./inputs";

/** Cancels a schedule before it runs: operators those of mode flips, admins those of change requests too. The audit event keeps what it was. */
export const deleteSchedule = defineMutation({
  action: "schedule.delete",
  permit: "operator",
  input: schedulePath,
  target: scheduleTarget,
  async run(tx, input, ctx) {
    const [row] = await tx.select().from(schedules).where(eq(schedules.id, input.id)).for("update");
    if (!row) throw new NotFound(`Schedule ${input.id}`);
    if (row.kind === "apply_change_request" && !(ctx.actor.kind === "user" && roleAtLeast(ctx.actor.role, "admin"))) {
      throw new Forbidden("Only admins cancel the schedule of a change request.");
    }
    if (row.status !== "pending") throw new Conflict(`Schedule ${input.id} is ${row.status} already.`);
    await tx.delete(schedules).where(eq(schedules.id, input.id));
    return {
      result: null,
      audit: { before: { kind: row.kind, service: row.service, at: row.at.toISOString(), mode: row.mode, changeRequestId: row.changeRequestId, createdBy: row.createdBy } },
      events: [{ topic: "schedule", id: String(row.id) }],
    };
  },
});
