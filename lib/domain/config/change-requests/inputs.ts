import { z } from "zod";
import { changeRequestStatuses } from "@/drizzle/schema";
import { reason } from "../../modes/inputs";
import { configBody, environmentName, expectedVersion } from "../inputs";
import { serviceName } from "../../services/report-schema";

export const changeRequestId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const changeRequestPath = z.object({ id: changeRequestId });

export const rejectBody = z.object({ reason });
/** An edit replaces what the request would publish; the approvals given so far are dropped. */
export const editBody = z.object({ body: configBody, message: z.string().trim().min(1, "say what the version changes").max(500), expectedVersion });

export const rejectInput = rejectBody.extend(changeRequestPath.shape);
export const editInput = editBody.extend(changeRequestPath.shape);

export const changeRequestsQuery = z.object({
  status: z.enum(changeRequestStatuses).optional(),
  service: serviceName.optional(),
  environment: environmentName.optional(),
  unreviewed: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "Only break-glass publishes nobody has reviewed yet." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ChangeRequestsQuery = z.output<typeof changeRequestsQuery>;

export const changeRequestTarget = (i: { id: number }) => `change_request:${i.id}`;
