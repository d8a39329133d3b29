import { and, eq } from "drizzle-orm";
import { configDocuments } from "@/drizzle/schema";
import { Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { documentTarget, schemaInput } from "./inputs";
import { schemaProblems } from "./json-schema";
import { lockDocument } from "./lock-document";

/** Sets or removes a document's JSON Schema; later publishes are validated against it. */
export const setConfigSchema = defineMutation({
  action: "config.schema",
  permit: "admin",
  input: schemaInput,
  target: documentTarget,
  async run(tx, input) {
    const problems = input.schema ? schemaProblems(input.schema) : [];
    if (problems.length > 0) throw new Unprocessable("The schema is not a valid JSON Schema (draft 2020-12).", problems);
    const document = await lockDocument(tx, input.service, input.environment);
    await tx
      .update(configDocuments)
      .set({ schema: input.schema })
      .where(and(eq(configDocuments.service, input.service), eq(configDocuments.environment, input.environment)));
    return {
      result: { service: input.service, environment: input.environment, schema: input.schema },
      audit: { before: { schema: document.schema }, after: { schema: input.schema } },
      events: [{ topic: "config", id: `${input.service}/${input.environment}` }],
    };
  },
});
