import { z } from "zod";

export const alertId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const note = z.string().trim().max(1000).optional();

export const ackAlertInput = z.object({ id: alertId, note });
export const ackAlertsInput = z.object({ ids: z.array(alertId).min(1).max(1000), note });
export const resolveAlertInput = z.object({ id: alertId, note });

/** The head of a verb the alerts job runs on one alert, as the system. */
export const jobOnAlert = {
  permit: "system",
  input: z.object({ id: alertId }),
  target: (input: { id: number }) => `alert:${input.id}`,
} as const;
