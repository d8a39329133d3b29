import { and, eq, sql } from "drizzle-orm";
import { configBakes } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { Conflict } from "../errors";
import { defineMutation } from "../mutation";
import { documentTarget, endBakeInput } from "./inputs";
import { endRunningBake, lockDocument } from "./lock-document";

/** An operator ends a bake early: the version stays, and alerts no longer roll it back. */
export const endBake = defineMutation({
  action: "config.bake.end",
  permit: "operator",
  input: endBakeInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    const document = await lockDocument(tx, input.service, input.environment);
    const bake = await runningBake(tx, input.service, input.environment);
    if (!bake || !(await endRunningBake(tx, document, actorName(ctx.actor), "ended"))) throw new Conflict(`No bake runs for ${input.service}/${input.environment}.`);
    return {
      result: { version: document.currentVersion },
      audit: { after: { version: document.currentVersion, bake: "ended" }, reason: input.reason ?? null },
      events: [{ topic: "config", id: `${input.service}/${input.environment}` }],
    };
  },
});

/** The running bake of a document, if any, for the page. */
export async function runningBake(db: Db, service: string, environment: string) {
  const [row] = await db
    .select({ version: configBakes.version, startedAt: configBakes.startedAt, until: configBakes.until })
    .from(configBakes)
    .where(and(eq(configBakes.service, service), eq(configBakes.environment, environment), sql`${configBakes.endedAt} is null and ${configBakes.until} > now()`));
  return row ? { version: row.version, startedAt: row.startedAt.toISOString(), until: row.until.toISOString() } : null;
}
