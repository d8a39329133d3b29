import { and, eq } from "drizzle-orm";
import { configVersions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { NotFound, Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { appendVersion, auditedVersion } from "./append-version";
import { documentTarget, rollbackInput } from "./inputs";
import { recordActionOnAlert, withAlert } from "../alerts/from-alert";
import { checkExpected, endRunningBake, lockDocument, type LockedDocument } from "./lock-document";

/**
 * Rolls back by appending a new version whose body is an earlier one's: history is never
 * rewritten, and the same compare-and-swap rule as a publish applies.
 */
export const rollbackConfig = defineMutation({
  action: "config.rollback",
  permit: "admin",
  input: rollbackInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    const document = await lockDocument(tx, input.service, input.environment);
    checkExpected(document, input.expectedVersion);
    if (input.toVersion >= document.currentVersion) {
      throw new Unprocessable(`Version ${input.toVersion} is not earlier than the current version ${document.currentVersion}.`, [
        { path: "toVersion", message: `must be below ${document.currentVersion}` },
      ]);
    }
    const author = actorName(ctx.actor);
    await endRunningBake(tx, document, author, "rolled_back");
    const appended = await restore(tx, document, input.toVersion, input.reason, author);
    const summary = `config ${input.environment} rolled back to version ${input.toVersion}`;
    const fromAlert = await recordActionOnAlert(tx, { ...input, summary, action: "config.rollback", actor: author });
    const after = auditedVersion(appended.version, appended.changes, { rollbackOf: input.toVersion });
    return {
      result: { version: appended.version },
      audit: { before: { version: document.currentVersion }, after: withAlert(after, input.alertId), reason: input.reason },
      events: [...appended.events, ...fromAlert],
    };
  },
});

/**
 * Appends a version carrying `toVersion`'s body. It is not checked against today's schema: a
 * rollback restores what ran before, and must not be blocked at 3 a.m. by a newer rule.
 */
export async function restore(tx: Db, document: LockedDocument, toVersion: number, reason: string, author: string) {
  const [target] = await tx
    .select({ body: configVersions.body })
    .from(configVersions)
    .where(and(eq(configVersions.service, document.service), eq(configVersions.environment, document.environment), eq(configVersions.version, toVersion)));
  if (!target) throw new NotFound(`Version ${toVersion} of ${document.service}/${document.environment}`);
  return appendVersion(tx, document, { body: target.body, message: reason, author, rollbackOf: toVersion, bakeMinutes: null, rollout: null });
}
