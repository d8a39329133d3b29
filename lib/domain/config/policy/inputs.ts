import { z } from "zod";
import { documentPath } from "../inputs";

export const policyBody = z.object({
  approvals: z.number().int().min(0).max(2).meta({ description: "How many admins other than the author approve a publish before it applies; 0 applies at once." }),
  freezeWhileCritical: z.boolean().meta({ description: "Refuse publishes (423) while a critical alert of the service fires, unless they carry an override." }),
});
export const policyInput = policyBody.extend(documentPath.shape);
