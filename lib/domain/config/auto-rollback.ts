import { sql } from "drizzle-orm";
import { z } from "zod";
import { alerts, configBakes, configDocuments } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { actorName } from "../context";
import { defineMutation } from "../mutation";
import { auditedVersion } from "./append-version";
import { documentPath, documentTarget } from "./inputs";
import { endRunningBake, lockDocument } from "./lock-document";
import { rollBackBySystem } from "./system-rollback";

const bakeFailure = documentPath.extend({ version: z.number().int().positive(), alertName: z.string().min(1) });

/**
 * The console rolls a baking version back by itself when a critical alert of its service fired
 * during the bake: a new version with the previous body, the alert named as the reason, and an
 * alert of its own so the routing tells people. Under the document's lock it acts only if that
 * version is still current and still baking, so several processes racing do it once.
 */
export const rollBackBake = defineMutation({
  action: "config.rollback",
  permit: "system",
  input: bakeFailure,
  target: documentTarget,
  async run(tx, input, ctx) {
    const document = await lockDocument(tx, input.service, input.environment);
    if (document.currentVersion !== input.version) return { result: null, audit: null, events: [] };
    const reason = `Automatic rollback: the critical alert ${input.alertName} fired during the bake of version ${input.version}.`;
    const author = actorName(ctx.actor);
    if (!(await endRunningBake(tx, document, author, "rolled_back", input.alertName))) return { result: null, audit: null, events: [] };
    const appended = await rollBackBySystem(tx, document, {
      toVersion: input.version - 1,
      reason,
      author,
      alertName: "ConfigRolledBack",
      summary: `Config ${input.service}/${input.environment} rolled back from version ${input.version} to ${input.version - 1}`,
    });
    return {
      result: { version: appended.version },
      audit: { before: { version: input.version }, after: auditedVersion(appended.version, appended.changes, { rollbackOf: input.version - 1, alert: input.alertName }), reason },
      events: appended.events,
    };
  },
});

export interface FailedBake {
  service: string;
  environment: string;
  version: number;
  alertName: string;
}

// A bake that ended this long ago is no longer looked at, so the scan stays small.
const LOOK_BACK = sql`interval '10 minutes'`;

/**
 * Running bakes of current versions during which a critical alert of the service (and of the
 * environment, when the alert names one) came in. An alert that arrives after the bake time never
 * counts, even if the job looks late.
 */
export async function failedBakes(db: Db): Promise<FailedBake[]> {
  const rows = await db.execute<{ service: string; environment: string; version: number; alert_name: string }>(sql`
    select b.service, b.environment, b.version, a.alert_name
    from ${configBakes} b
    join ${configDocuments} d on d.service = b.service and d.environment = b.environment and d.current_version = b.version
    join lateral (
      select a.labels->>'alertname' as alert_name from ${alerts} a
      where a.service = b.service and a.severity = 'critical'
        and a.created_at >= b.started_at and a.created_at <= b.until
        and coalesce(a.labels->>'environment', b.environment) = b.environment
      order by a.id limit 1
    ) a on true
    where b.ended_at is null and b.until > now() - ${LOOK_BACK} and b.version > 1`);
  return rows.map((r) => ({ service: r.service, environment: r.environment, version: Number(r.version), alertName: r.alert_name }));
}
