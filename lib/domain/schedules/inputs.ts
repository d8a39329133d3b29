import { z } from "zod";
import { changeRequestId } from "../config/change-requests/inputs";
import { modeName, reason } from "../modes/inputs";
import { serviceName } from "../services/report-schema";

const futureTime = z.iso.datetime({ offset: true }).refine((s) => Date.parse(s) > Date.now(), "must be in the future");

export const modeFlipSchedule = z
  .object({
    kind: z.literal("mode_flip"),
    at: futureTime,
    service: serviceName,
    mode: modeName,
    reason,
    expiresAt: z.iso.datetime({ offset: true }).optional().meta({ description: "When the flip ends by itself; after `at`." }),
  })
  .refine((s) => !s.expiresAt || Date.parse(s.expiresAt) > Date.parse(s.at), { path: ["expiresAt"], message: "must be after `at`" });

export const changeRequestSchedule = z.object({ kind: z.literal("apply_change_request"), at: futureTime, changeRequestId });

export const scheduleBody = z.union([modeFlipSchedule, changeRequestSchedule]);

export const scheduleId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const schedulePath = z.object({ id: scheduleId });

export const schedulesQuery = z.object({
  status: z.enum(["pending", "applied", "suspended"]).optional(),
  service: serviceName.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SchedulesQuery = z.output<typeof schedulesQuery>;

export const scheduleTarget = (i: { id: number }) => `schedule:${i.id}`;
