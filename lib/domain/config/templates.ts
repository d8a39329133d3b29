import { eq } from "drizzle-orm";
import { configTemplates } from "@/drizzle/schema";
import { actorName } from "../context";
import { NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { deleteTemplateInput, saveTemplateInput } from "./inputs";

/** Creates or replaces a named body an admin can start a new version from. */
export const saveTemplate = defineMutation({
  action: "config.template.save",
  permit: "admin",
  input: saveTemplateInput,
  target: (i) => `config-template:${i.name}`,
  async run(tx, input, ctx) {
    const values = { body: input.body, updatedBy: actorName(ctx.actor), updatedAt: new Date() };
    await tx.insert(configTemplates).values({ name: input.name, ...values }).onConflictDoUpdate({ target: configTemplates.name, set: values });
    return { result: { name: input.name }, audit: { after: { name: input.name, body: input.body } }, events: [{ topic: "config", id: "*" }] };
  },
});

export const deleteTemplate = defineMutation({
  action: "config.template.delete",
  permit: "admin",
  input: deleteTemplateInput,
  target: (i) => `config-template:${i.name}`,
  async run(tx, input) {
    const [gone] = await tx.delete(configTemplates).where(eq(configTemplates.name, input.name)).returning();
    if (!gone) throw new NotFound(`The template ${input.name}`);
    return { result: { name: input.name }, audit: { before: { name: gone.name, body: gone.body } }, events: [{ topic: "config", id: "*" }] };
  },
});
