import { z } from "zod";
import { reason } from "../../modes/inputs";
import { documentPath } from "../inputs";

export const rolloutActionBody = z.object({ reason: reason.optional() });
export const rolloutActionInput = rolloutActionBody.extend(documentPath.shape);

/** What the console's own step or halt acts on: exactly the rollout it read, so a moved one is left alone. */
export const rolloutAt = documentPath.extend({ version: z.number().int().positive(), step: z.number().int().nonnegative() });
