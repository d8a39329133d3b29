import { z } from "zod";
import { fromAlertId, reason } from "../modes/inputs";
import { serviceName } from "../services/report-schema";
import { rolloutPlan } from "./rollout/input";

export const environmentName = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, _ and - only, starting with a letter or digit");

/** A config body is a JSON object; a schema may constrain it further. */
export const configBody = z.record(z.string(), z.unknown());

const version = z.number().int().positive();
export const expectedVersion = z.number().int().nonnegative().meta({ description: "The version the change is based on; 0 for a document's first version." });

export const documentPath = z.object({ service: serviceName, environment: environmentName });

export const publishBody = z.object({
  body: configBody,
  message: z.string().trim().min(1, "say what the version changes").max(500),
  expectedVersion,
  bakeMinutes: z.number().int().min(1).max(24 * 60).optional().meta({ description: "Watch the version this long: a critical alert of the service meanwhile rolls it back." }),
  breakGlass: z.object({ reason }).optional().meta({ description: "Publish at once under any policy; another admin reviews it afterwards." }),
  override: z.object({ reason }).optional().meta({ description: "Publish although the document is frozen while a critical alert fires." }),
  rollout: rolloutPlan.optional(),
});
export const rollbackBody = z.object({ toVersion: version, reason, expectedVersion, alertId: fromAlertId });
export const schemaBody = z.object({ schema: z.record(z.string(), z.unknown()).nullable().meta({ description: "A JSON Schema (draft 2020-12); null removes it." }) });
export const endBakeBody = z.object({ reason: reason.optional() });

export const publishInput = publishBody.extend(documentPath.shape);
export const rollbackInput = rollbackBody.extend(documentPath.shape);
export const schemaInput = schemaBody.extend(documentPath.shape);
export const endBakeInput = endBakeBody.extend(documentPath.shape);
export const versionPath = documentPath.extend({ version: z.coerce.number().int().positive() });

export const versionsQuery = z.object({
  before: z.coerce.number().int().positive().optional().meta({ description: "Only versions older than this one (the previous page's `nextBefore`)." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const diffQuery = z.object({ from: z.coerce.number().int().nonnegative(), to: z.coerce.number().int().positive() });

export const templateName = z.string().trim().min(1).max(100);
export const saveTemplateInput = z.object({ name: templateName, body: configBody });
export const deleteTemplateInput = z.object({ name: templateName });
export const addEnvironmentInput = z.object({ name: environmentName });

export type PublishInput = z.output<typeof publishInput>;

/** The audit target of a document; metric annotations look events up by it. */
export function documentTarget(d: { service: string; environment: string }): string {
  return `config:${d.service}/${d.environment}`;
}
