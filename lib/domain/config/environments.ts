import { asc, eq } from "drizzle-orm";
import { configEnvironments } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { Conflict, NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { addEnvironmentInput } from "./inputs";

export const DEFAULT_ENVIRONMENTS = ["development", "staging", "production"] as const;

/** The defaults first, then the added ones in the order they were added. */
export async function listEnvironments(db: Db): Promise<string[]> {
  const added = await db.select({ name: configEnvironments.name }).from(configEnvironments).orderBy(asc(configEnvironments.createdAt));
  return [...DEFAULT_ENVIRONMENTS, ...added.map((e) => e.name)];
}

export async function requireEnvironment(db: Db, name: string): Promise<void> {
  if ((DEFAULT_ENVIRONMENTS as readonly string[]).includes(name)) return;
  const [row] = await db.select({ name: configEnvironments.name }).from(configEnvironments).where(eq(configEnvironments.name, name));
  if (!row) throw new NotFound(`The environment ${name}`);
}

export const addEnvironment = defineMutation({
  action: "config.environment.add",
  permit: "admin",
  input: addEnvironmentInput,
  target: (i) => `config-environment:${i.name}`,
  async run(tx, input, ctx) {
    const known = await listEnvironments(tx);
    if (known.includes(input.name)) throw new Conflict(`The environment ${input.name} exists already.`);
    await tx.insert(configEnvironments).values({ name: input.name, createdBy: actorName(ctx.actor) });
    return { result: { name: input.name }, audit: { after: { name: input.name } }, events: [{ topic: "config", id: "*" }] };
  },
});
