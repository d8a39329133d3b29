import { schedules } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName, type Ctx } from "../context";
import { defineMutation, type Verb, type VerbInput } from "../mutation";
import { checkPending, lockRequest } from "../config/change-requests/lock-request";
import { checkExpected, lockDocument } from "../config/lock-document";
import { lockControl } from "../control/revision";
import { declaredModes } from "../modes/ladder";
import { Unprocessable } from "../errors";
import { changeRequestSchedule, modeFlipSchedule } from "./inputs";

const created = (id: number) => ({ id, status: "pending" as const });

/** A mode flip at a time; it records the control revision, and is suspended if that moves before then. */
export const scheduleModeFlip = defineMutation({
  action: "schedule.create",
  permit: "operator",
  input: modeFlipSchedule,
  target: (i) => `service:${i.service}`,
  async run(tx, input, ctx) {
    const control = await lockControl(tx, input.service);
    if (!declaredModes(control.modes).includes(input.mode)) {
      throw new Unprocessable(`${input.service} does not declare the mode ${input.mode}.`, [{ path: "mode", message: `one of ${declaredModes(control.modes).join(", ")}` }]);
    }
    const [row] = await tx
      .insert(schedules)
      .values({
        kind: "mode_flip",
        at: new Date(input.at),
        service: input.service,
        mode: input.mode,
        reason: input.reason,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        expectedRevision: control.revision,
        createdBy: actorName(ctx.actor),
      })
      .returning({ id: schedules.id });
    return {
      result: created(row!.id),
      audit: { after: { scheduleId: row!.id, kind: "mode_flip", at: input.at, mode: input.mode, expiresAt: input.expiresAt ?? null, revision: control.revision }, reason: input.reason },
      events: [{ topic: "schedule", id: String(row!.id) }],
    };
  },
});

/**
 * A pending change request applied at a time, once it has its approvals. It records the document's
 * version and the request's revision, and is suspended if either moves before then.
 */
export const scheduleChangeRequest = defineMutation({
  action: "schedule.create",
  permit: "admin",
  input: changeRequestSchedule,
  target: (i) => `change_request:${i.changeRequestId}`,
  async run(tx, input, ctx) {
    const request = await lockRequest(tx, input.changeRequestId);
    checkPending(request);
    const document = await lockDocument(tx, request.service, request.environment);
    checkExpected(document, request.expectedVersion);
    const [row] = await tx
      .insert(schedules)
      .values({
        kind: "apply_change_request",
        at: new Date(input.at),
        service: request.service,
        environment: request.environment,
        changeRequestId: request.id,
        expectedVersion: document.currentVersion,
        expectedRevision: request.revision,
        createdBy: actorName(ctx.actor),
      })
      .returning({ id: schedules.id });
    return {
      result: created(row!.id),
      audit: { after: { scheduleId: row!.id, kind: "apply_change_request", at: input.at, changeRequestId: request.id, version: document.currentVersion } },
      events: [
        { topic: "schedule", id: String(row!.id) },
        { topic: "change_request", id: String(request.id) },
      ],
    };
  },
});

/**
 * `POST /api/v1/schedules`: each kind is its own verb with its own least role (operator for a
 * mode flip, admin for a change request); this picks one by the body's `kind`.
 */
export const createSchedule: Verb<{ id: number; status: "pending" }, VerbInput<typeof scheduleModeFlip> | VerbInput<typeof scheduleChangeRequest>> = Object.assign(
  (ctx: Ctx, raw: unknown, database?: Db) =>
    (raw as { kind?: unknown } | null)?.kind === "apply_change_request" ? scheduleChangeRequest(ctx, raw, database) : scheduleModeFlip(ctx, raw, database),
  { action: "schedule.create", permit: "operator" as const },
);

