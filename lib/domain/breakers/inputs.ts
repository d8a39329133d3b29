import { z } from "zod";
import { expectedRevision, fromAlertId, futureExpiry, reason } from "../modes/inputs";
import { serviceName } from "../services/report-schema";

export const breakerName = z.string().trim().min(1).max(100);

export const overridePath = z.object({ service: serviceName, name: breakerName });

/** The body of `PUT /api/v1/services/{service}/breakers/{name}/override`; `none` clears the override. */
export const overrideBody = z.object({
  override: z.enum(["forced_open", "forced_closed", "none"]),
  reason,
  expiresAt: futureExpiry,
  expectedRevision,
  alertId: fromAlertId,
});

export const setOverrideInput = overrideBody.extend({ service: serviceName, breaker: breakerName });

export const breakerEventKinds = ["open", "half_open", "close", "reject", "failure", "success", "timeout", "fallback"] as const;

export const breakerEventsInput = z
  .array(
    z.object({
      service: serviceName,
      instance: z.string().trim().min(1).max(200),
      breaker: breakerName,
      event: z.enum(breakerEventKinds),
      at: z.iso.datetime({ offset: true }).optional(),
    }),
  )
  .max(5000);

export type BreakerEventInput = z.output<typeof breakerEventsInput>[number];
