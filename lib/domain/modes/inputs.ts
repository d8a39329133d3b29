import { z } from "zod";
import { serviceName } from "@/lib/domain/services/report-schema";

/** The alert an action is sent from: the audit event and the alert's timeline record it. */
export const fromAlertId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().meta({ description: "The alert this action is sent from; its timeline and the audit event record it." });

/** A reason is required for every decision an operator makes. */
export const reason = z.string().trim().min(3, "give a reason of at least 3 characters").max(500);

export const futureExpiry = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) > Date.now(), "must be in the future")
  .nullish();

export const expectedRevision = z.number().int().nonnegative().optional();

export const modeName = z.string().trim().min(1).max(64);

export const servicePath = z.object({ service: serviceName });

/** The bodies of `PUT` and `DELETE /api/v1/services/{service}/mode`; the verbs take the service from the path too. */
export const setModeBody = z.object({ mode: modeName, reason, expiresAt: futureExpiry, expectedRevision, alertId: fromAlertId });
export const clearModeBody = z.object({ reason, expectedRevision, alertId: fromAlertId });

export const setModeInput = setModeBody.extend(servicePath.shape);
export const clearModeInput = clearModeBody.extend(servicePath.shape);
